import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Dimension, Interval, Lang } from '@cw/domain';
import { CurrentScope } from '../auth/auth.decorators.js';
import type { Scope } from '../auth/roles.js';
import { DimensionEnum, IntervalEnum, LanguageEnum } from '../graphql/enums.js';
import { ComplaintFilterInput, toComplaintFilter } from './dto/complaint-filter.input.js';
import { Trend } from './trend.model.js';
import { TrendService } from './trend.service.js';

@Resolver(() => Trend)
export class TrendResolver {
  constructor(private readonly trends: TrendService) {}

  @Query(() => Trend, {
    description:
      'Complaints per period (Asia/Shanghai), optionally broken down by a dimension. With `top: N`, the N largest series and one OTHER.',
  })
  complaintTrend(
    @CurrentScope() scope: Scope,
    @Args('interval', { type: () => IntervalEnum }) interval: Interval,
    @Args('filter', { type: () => ComplaintFilterInput, nullable: true })
    filter: ComplaintFilterInput | null,
    @Args('groupBy', { type: () => DimensionEnum, nullable: true }) groupBy: Dimension | null,
    @Args('top', { type: () => Int, nullable: true }) top: number | null,
    @Args('lang', { type: () => LanguageEnum, nullable: true, defaultValue: 'zh' }) lang: Lang,
  ): Promise<Trend> {
    return this.trends.trend(
      scope,
      toComplaintFilter(filter),
      interval,
      groupBy ?? null,
      top ?? null,
      lang,
    );
  }
}

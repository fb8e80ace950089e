import { Args, Context, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Lang } from '@cw/domain';
import { CurrentScope } from '../auth/auth.decorators.js';
import type { Scope } from '../auth/roles.js';
import { LanguageEnum } from '../graphql/enums.js';
import { selectsField } from '../graphql/selection.js';
import type { GraphqlContext } from '../graphql/loaders.js';
import { Institution } from '../registry/institution.model.js';
import { ComplaintFilterInput, toComplaintFilter } from './dto/complaint-filter.input.js';
import {
  Comparison,
  HandlingRow,
  OffHours,
  Ranking,
  RankDimensionEnum,
  RankOrderEnum,
  ShareDimensionEnum,
  Shares,
  SpikeResult,
  type HandlingCounts,
  type RankDimension,
  type RankOrder,
  type ShareDimension,
  type SpikeCounts,
} from './figures.model.js';
import { FiguresService } from './figures.service.js';

const filterArg = { type: () => ComplaintFilterInput, nullable: true } as const;
const langArg = { type: () => LanguageEnum, nullable: true, defaultValue: 'zh' } as const;

@Resolver()
export class FiguresResolver {
  constructor(private readonly figures: FiguresService) {}

  @Query(() => Comparison, {
    description: 'The total against the previous period and the same period a year earlier',
  })
  complaintComparison(
    @CurrentScope() scope: Scope,
    @Args('filter', filterArg) filter: ComplaintFilterInput | null,
  ): Promise<Comparison> {
    return this.figures.comparison(scope, toComplaintFilter(filter));
  }

  @Query(() => Ranking, {
    description: 'Top institutions, agencies, provinces or cities by count, rate or change',
  })
  ranking(
    @CurrentScope() scope: Scope,
    @Args('dimension', { type: () => RankDimensionEnum }) dimension: RankDimension,
    @Args('filter', filterArg) filter: ComplaintFilterInput | null,
    @Args('orderBy', { type: () => RankOrderEnum, defaultValue: 'COUNT' }) orderBy: RankOrder,
    @Args('top', { type: () => Int, defaultValue: 10 }) top: number,
    @Args('lang', langArg) lang: Lang,
  ): Promise<Ranking> {
    return this.figures.ranking(scope, toComplaintFilter(filter), dimension, orderBy, top, lang);
  }

  @Query(() => Shares, {
    description: 'Shares of complaints by category, channel, source, product or institution type',
  })
  shares(
    @CurrentScope() scope: Scope,
    @Args('dimension', { type: () => ShareDimensionEnum }) dimension: ShareDimension,
    @Args('filter', filterArg) filter: ComplaintFilterInput | null,
    @Args('lang', langArg) lang: Lang,
  ): Promise<Shares> {
    return this.figures.shares(scope, toComplaintFilter(filter), dimension, lang);
  }

  @Query(() => [HandlingRow], {
    description:
      'Answered within 15 days, median days to answer, referred to police: all, then per institution',
  })
  handling(
    @CurrentScope() scope: Scope,
    @Args('filter', filterArg) filter: ComplaintFilterInput | null,
    @Args('top', { type: () => Int, defaultValue: 20 }) top: number,
    @Info() info: GraphQLResolveInfo,
  ): Promise<HandlingCounts[]> {
    // The overview's headline asks for the shares only: the medians are the slow part.
    return this.figures.handling(scope, toComplaintFilter(filter), top, {
      medians: selectsField(info, 'medianDaysToAnswer'),
    });
  }

  @Query(() => OffHours, {
    description: 'Share of complaints whose conduct happened between 22:00 and 08:00',
  })
  offHours(
    @CurrentScope() scope: Scope,
    @Args('filter', filterArg) filter: ComplaintFilterInput | null,
  ): Promise<OffHours> {
    return this.figures.offHours(scope, toComplaintFilter(filter));
  }

  @Query(() => [SpikeResult], {
    description:
      'Institution x province weeks far above their own history (see docs/spikes-method.md)',
  })
  spikes(
    @CurrentScope() scope: Scope,
    @Args('filter', filterArg) filter: ComplaintFilterInput | null,
    @Args('top', { type: () => Int, defaultValue: 50 }) top: number,
  ): Promise<SpikeCounts[]> {
    return this.figures.spikes(scope, toComplaintFilter(filter), top);
  }
}

@Resolver(() => HandlingRow)
export class HandlingRowResolver {
  @ResolveField(() => Institution, { nullable: true })
  institution(
    @Parent() row: HandlingRow,
    @Context() ctx: GraphqlContext,
  ): Promise<Institution | null> {
    return row.institutionId
      ? ctx.loaders.institution.load(row.institutionId)
      : Promise.resolve(null);
  }
}

@Resolver(() => SpikeResult)
export class SpikeResultResolver {
  @ResolveField(() => Institution)
  async institution(
    @Parent() row: SpikeResult,
    @Context() ctx: GraphqlContext,
  ): Promise<Institution> {
    const found = await ctx.loaders.institution.load(row.institutionId);
    if (!found) throw new Error(`institution ${row.institutionId} missing`);
    return found;
  }
}

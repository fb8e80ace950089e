import { Args, Field, ID, InputType, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Lang } from '@cw/domain';
import {
  ComplaintFilterInput,
  toComplaintFilter,
} from '../analytics/dto/complaint-filter.input.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientIp, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/roles.js';
import { AppError } from '../graphql/app-error.js';
import { LanguageEnum } from '../graphql/enums.js';
import { reportPeriod } from '../reports/report-period.js';
import type { ExportFormat } from './complaint-export.service.js';
import { ExportFormatEnum, ExportJob, ExportKindEnum, jobView } from './export-job.model.js';
import { ExportJobsService, type ExportKind } from './export-jobs.service.js';

@InputType('ExportRequest')
export class ExportRequestInput {
  @Field(() => ExportKindEnum)
  kind!: ExportKind;

  @Field(() => ExportFormatEnum)
  format!: 'pdf' | 'xlsx' | 'csv';

  @Field(() => ComplaintFilterInput, { nullable: true })
  filter?: ComplaintFilterInput | null;

  @Field(() => LanguageEnum, { defaultValue: 'zh' })
  lang!: Lang;

  @Field(() => Int, { nullable: true, description: 'Reports: the quarter’s year' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Reports: the quarter, 1-4' })
  quarter?: number | null;
}

@Resolver(() => ExportJob)
export class ExportJobsResolver {
  constructor(
    private readonly jobs: ExportJobsService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => [ExportJob], {
    description:
      'Your background exports, newest first (administrators: everyone’s with everyone: true)',
  })
  async exportJobs(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('everyone', { defaultValue: false }) everyone: boolean,
  ): Promise<ExportJob[]> {
    return (await this.jobs.list(principal, first, everyone)).map(jobView);
  }

  @Query(() => ExportJob, { description: 'One of your background exports' })
  async exportJob(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ExportJob> {
    return jobView(await this.jobs.get(principal, id));
  }

  @Mutation(() => ExportJob, { description: 'Starts a background export or report' })
  async requestExport(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Args('input') input: ExportRequestInput,
  ): Promise<ExportJob> {
    const filter = toComplaintFilter(input.filter);
    let job;
    if (input.kind === 'COMPLAINTS') {
      if (input.format === 'pdf')
        throw new AppError('BAD_USER_INPUT', 'format: complaints export as csv or xlsx', {
          field: 'format',
        });
      if (input.year != null || input.quarter != null)
        throw new AppError(
          'BAD_USER_INPUT',
          'year: a complaints export takes its dates from the filter',
          { field: 'year' },
        );
      job = await this.jobs.request(principal, 'COMPLAINTS', input.format as ExportFormat, {
        filter,
        lang: input.lang,
      });
    } else {
      const period = reportPeriod(input.year, input.quarter, filter);
      job = await this.jobs.request(principal, 'QUARTERLY_REPORT', input.format, {
        filter,
        lang: input.lang,
        period,
      });
    }
    await this.audit.record({
      actor: principal,
      action: 'EXPORT_REQUESTED',
      target: job.id,
      ip,
      details: { kind: input.kind, format: input.format, lang: input.lang, filter },
    });
    return jobView(job);
  }
}

import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Lang } from '@cw/domain';
import {
  toComplaintFilter,
  ComplaintFilterInput,
} from '../analytics/dto/complaint-filter.input.js';
import { CurrentScope } from '../auth/auth.decorators.js';
import type { Scope } from '../auth/roles.js';
import { LanguageEnum } from '../graphql/enums.js';
import { formatCell, reportTables } from './quarterly-report.js';
import { QuarterlyReportService } from './quarterly-report.service.js';
import { reportPeriod } from './report-period.js';
import { ReportPreview } from './report-preview.model.js';
import { reportStrings } from './report-text.js';

@Resolver()
export class ReportsResolver {
  constructor(private readonly reports: QuarterlyReportService) {}

  @Query(() => ReportPreview, {
    description:
      'The quarterly report for a quarter (year and quarter) or a range (filter.from and filter.to), as GET /api/reports/quarterly builds it',
  })
  async quarterlyReport(
    @CurrentScope() scope: Scope,
    @Args('year', { type: () => Int, nullable: true }) year: number | null,
    @Args('quarter', { type: () => Int, nullable: true }) quarter: number | null,
    @Args('filter', { type: () => ComplaintFilterInput, nullable: true })
    filterInput: ComplaintFilterInput | null,
    @Args('lang', { type: () => LanguageEnum, nullable: true, defaultValue: 'zh' }) lang: Lang,
  ): Promise<ReportPreview> {
    const filter = toComplaintFilter(filterInput);
    const period = reportPeriod(year, quarter, filter);
    const report = await this.reports.build(scope, filter, period, lang);
    const { t, method } = reportStrings(lang);
    return {
      periodLabel: report.periodLabel,
      from: period.from,
      to: period.to,
      scopeLabel: report.scopeLabel,
      filterLines: report.filterLines,
      dataAsOf: report.dataAsOf,
      generatedAt: report.generatedAt,
      synthetic: report.synthetic,
      method,
      tables: reportTables(report).map((table) => ({
        id: table.id,
        section: t(table.section),
        note: table.note,
        columns: table.columns,
        rows: table.rows.map((row) =>
          table.columns.map((c) => formatCell(row[c.key] ?? null, c.kind, lang)),
        ),
      })),
    };
  }
}

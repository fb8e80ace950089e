// GET /api/reports/quarterly?year=2026&quarter=3&format=pdf|xlsx|csv&lang=zh|en&<filter>
// The quarterly report as a file, built with the caller's scope and recorded in the audit log.
import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { complaintFilterSchema } from '@cw/domain';
import { ClientIp, CurrentPrincipal } from '../auth/auth.decorators.js';
import { scopeOf, type Principal } from '../auth/roles.js';
import { AuditService } from '../audit/audit.service.js';
import { checkKnownParams, sendFile, startDownload } from '../web/download.js';
import { choiceParam, filterFromQuery, type QueryParams } from '../web/filter-query.js';
import { QuarterlyReportService } from './quarterly-report.service.js';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  reportFileName,
  writeReport,
} from './report-files.js';
import { reportPeriodOf } from './report-period.js';

export const LANGS = ['zh', 'en'] as const;
const KNOWN = ['year', 'quarter', 'format', 'lang', ...Object.keys(complaintFilterSchema.shape)];

@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: QuarterlyReportService,
    private readonly audit: AuditService,
  ) {}

  @Get('quarterly')
  async quarterly(
    @Query() query: QueryParams,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Res() res: Response,
  ): Promise<void> {
    checkKnownParams(query, KNOWN);
    const format = choiceParam(query, 'format', REPORT_FORMATS, 'pdf');
    const lang = choiceParam(query, 'lang', LANGS, 'zh');
    const filter = filterFromQuery(query);
    const period = reportPeriodOf(query, filter);
    const report = await this.reports.build(scopeOf(principal), filter, period, lang);
    await this.audit.record({
      actor: principal,
      action: 'REPORT_EXPORTED',
      target: `${period.from}..${period.to}`,
      ip,
      details: { format, lang, filter },
    });
    await sendFile(res, async () => {
      startDownload(res, reportFileName(report, format), REPORT_CONTENT_TYPES[format]);
      await writeReport(report, format, res);
    });
  }
}

// GET /api/exports/complaints?format=csv|xlsx&lang=zh|en&<filter> streams the filtered
// complaints (redacted narratives only). Up to EXPORT_SYNC_MAX_ROWS rows it streams at
// once; beyond that it answers 202 with a background job whose file is fetched later from
// GET /api/exports/jobs/:id/file (by the requester or an administrator only).
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { complaintFilterSchema } from '@cw/domain';
import { ENV } from '../app.tokens.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientIp, CurrentPrincipal } from '../auth/auth.decorators.js';
import { scopeOf, type Principal } from '../auth/roles.js';
import type { Env } from '../config/env.js';
import { LANGS } from '../reports/reports.controller.js';
import { checkKnownParams, sendFile, startDownload } from '../web/download.js';
import { choiceParam, filterFromQuery, type QueryParams } from '../web/filter-query.js';
import { ComplaintExportService, EXPORT_FORMATS } from './complaint-export.service.js';
import { EXPORT_CONTENT_TYPES, ExportJobsService } from './export-jobs.service.js';
import { jobView } from './export-job.model.js';

const KNOWN = ['format', 'lang', ...Object.keys(complaintFilterSchema.shape)];

@Controller('api/exports')
export class ExportsController {
  constructor(
    private readonly complaints: ComplaintExportService,
    private readonly jobs: ExportJobsService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  @Get('complaints')
  async complaintsFile(
    @Query() query: QueryParams,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Res() res: Response,
  ): Promise<void> {
    checkKnownParams(query, KNOWN);
    const format = choiceParam(query, 'format', EXPORT_FORMATS, 'csv');
    const lang = choiceParam(query, 'lang', LANGS, 'zh');
    const filter = filterFromQuery(query);
    const scope = scopeOf(principal);
    const rows = await this.complaints.count(scope, filter);
    this.complaints.checkSize(format, rows);
    if (rows > this.env.EXPORT_SYNC_MAX_ROWS) {
      const job = await this.jobs.request(principal, 'COMPLAINTS', format, { filter, lang });
      await this.audit.record({
        actor: principal,
        action: 'EXPORT_REQUESTED',
        target: job.id,
        ip,
        details: { kind: 'COMPLAINTS', format, lang, filter, rows },
      });
      res.status(202).json({
        message: `${rows} complaints match, more than ${this.env.EXPORT_SYNC_MAX_ROWS} are exported in the background`,
        job: jobView(job),
      });
      return;
    }
    await this.audit.record({
      actor: principal,
      action: 'COMPLAINTS_EXPORTED',
      ip,
      details: { format, lang, filter, rows },
    });
    const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await sendFile(res, async () => {
      startDownload(res, `complaints-${day}.${format}`, EXPORT_CONTENT_TYPES[format]);
      await this.complaints.write(format, scope, filter, lang, res);
    });
  }

  @Get('jobs/:id/file')
  async jobFile(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.jobs.file(principal, id);
    await this.audit.record({
      actor: principal,
      action: 'EXPORT_DOWNLOADED',
      target: id,
      ip,
      details: { kind: file.job.kind, format: file.job.format },
    });
    await sendFile(res, async () => {
      startDownload(res, file.name, file.contentType, file.job.fileBytes ?? undefined);
      await pipeline(createReadStream(file.path), res);
    });
  }
}

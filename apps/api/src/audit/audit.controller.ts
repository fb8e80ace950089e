import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ClientIp, CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/roles.js';
import { csvLine } from '../web/csv.js';
import { AuditService } from './audit.service.js';

@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The whole audit log as CSV (UTF-8 with BOM, so spreadsheet programs read Chinese). */
  @Roles('ADMIN')
  @Get('export.csv')
  async export(
    @CurrentPrincipal() principal: Principal,
    @ClientIp() ip: string | null,
    @Res() res: Response,
  ): Promise<void> {
    await this.audit.record({ actor: principal, action: 'AUDIT_EXPORTED', ip });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-log.csv"');
    res.write('\ufeff' + csvLine(['id', 'at', 'actor', 'action', 'target', 'ip', 'details']));
    for await (const rows of this.audit.all()) {
      for (const r of rows) {
        res.write(
          csvLine([r.id, r.at.toISOString(), r.actorEmail, r.action, r.target, r.ip, r.details]),
        );
      }
    }
    res.end();
  }
}

import { Module } from '@nestjs/common';
import { ReportsModule } from '../reports/reports.module.js';
import { ComplaintExportService } from './complaint-export.service.js';
import { ExportJobsResolver } from './export-jobs.resolver.js';
import { ExportJobsService } from './export-jobs.service.js';
import { ExportsController } from './exports.controller.js';

@Module({
  imports: [ReportsModule],
  controllers: [ExportsController],
  providers: [ComplaintExportService, ExportJobsService, ExportJobsResolver],
})
export class ExportsModule {}

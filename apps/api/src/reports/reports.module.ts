import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { QuarterlyReportService } from './quarterly-report.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsResolver } from './reports.resolver.js';

@Module({
  imports: [AnalyticsModule],
  controllers: [ReportsController],
  providers: [QuarterlyReportService, ReportsResolver],
  exports: [QuarterlyReportService],
})
export class ReportsModule {}

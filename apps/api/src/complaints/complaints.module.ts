import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { ComplaintPartitionsService } from './complaint-partitions.service.js';
import { ComplaintConnectionResolver, ComplaintsResolver } from './complaints.resolver.js';
import { ComplaintsService } from './complaints.service.js';

@Module({
  imports: [AnalyticsModule],
  providers: [
    ComplaintsService,
    ComplaintsResolver,
    ComplaintConnectionResolver,
    ComplaintPartitionsService,
  ],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}

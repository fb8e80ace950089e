import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { FeedScheduler } from './feed/feed.scheduler.js';
import { ImportService } from './import.service.js';
import { ImportsController } from './imports.controller.js';
import { IngestResolver } from './ingest.resolver.js';

@Module({
  imports: [ComplaintsModule],
  controllers: [ImportsController],
  providers: [ImportService, IngestResolver, FeedScheduler],
  exports: [ImportService],
})
export class IngestModule {}

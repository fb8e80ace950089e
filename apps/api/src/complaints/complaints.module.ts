import { Module } from '@nestjs/common';
import { ComplaintPartitionsService } from './complaint-partitions.service.js';
import { ComplaintsResolver } from './complaints.resolver.js';
import { ComplaintsService } from './complaints.service.js';

@Module({ providers: [ComplaintsService, ComplaintsResolver, ComplaintPartitionsService], exports: [ComplaintsService] })
export class ComplaintsModule {}

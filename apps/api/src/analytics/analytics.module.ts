import { Module } from '@nestjs/common';
import { TrendResolver } from './trend.resolver.js';
import { TrendService } from './trend.service.js';

@Module({ providers: [TrendService, TrendResolver], exports: [TrendService] })
export class AnalyticsModule {}

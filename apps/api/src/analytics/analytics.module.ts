import { Module } from '@nestjs/common';
import { CountCache } from './count-cache.js';
import { FiguresResolver, HandlingRowResolver, SpikeResultResolver } from './figures.resolver.js';
import { FiguresService } from './figures.service.js';
import { TrendResolver } from './trend.resolver.js';
import { TrendService } from './trend.service.js';

@Module({
  providers: [
    CountCache,
    TrendService,
    TrendResolver,
    FiguresService,
    FiguresResolver,
    HandlingRowResolver,
    SpikeResultResolver,
  ],
  exports: [TrendService, FiguresService, CountCache],
})
export class AnalyticsModule {}

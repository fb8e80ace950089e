import { Global, Module } from '@nestjs/common';
import { Lifecycle } from './lifecycle.js';
import { MetricsService } from './metrics.service.js';

/** Metrics (inject MetricsService to count things) and the shutdown state, everywhere. */
@Global()
@Module({ providers: [MetricsService, Lifecycle], exports: [MetricsService, Lifecycle] })
export class ObservabilityModule {}

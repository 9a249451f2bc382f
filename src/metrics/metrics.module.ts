import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller.js';

/** GET /metrics over the SchedulerMetrics that the (global) SchedulerModule exports. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}

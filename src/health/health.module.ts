import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { SchedulerHealthIndicators } from './scheduler-health.indicators.js';

@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [SchedulerHealthIndicators] })
export class HealthModule {}

import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { Public } from '../security/public.decorator.js';
import { JobScheduler } from '../scheduler/job-scheduler.js';
import { JOB_STORE, type JobStore } from '../storage/job-store.js';
import { StoreConnection } from '../storage/store.providers.js';

export class HealthDto {
  @ApiProperty({ enum: ['healthy', 'degraded', 'unhealthy'], example: 'healthy' }) status: 'healthy' | 'degraded' | 'unhealthy';
  @ApiProperty({ type: [String], example: [], description: 'What is wrong, when anything is.' }) issues: string[];
  @ApiProperty({ enum: ['redis', 'memory'], example: 'redis' }) store: 'redis' | 'memory';
  @ApiProperty({ example: true }) scheduler_running: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds since a Yahoo request last succeeded in this replica; null if none yet.', example: 42 })
  last_successful_fetch_age_seconds: number | null;
}

/** How long Yahoo may keep failing, after a success, before health says degraded. */
const FETCH_FAILURE_TOLERANCE_MS = 3_600_000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(JOB_STORE) private readonly store: JobStore,
    private readonly connection: StoreConnection,
    private readonly scheduler: JobScheduler,
    private readonly metrics: SchedulerMetrics,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness',
    description: 'unhealthy (503) when the store is unreachable; degraded when the scheduler is paused or Yahoo requests have failed for over an hour.',
  })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const issues: string[] = [];
    let unhealthy = false;
    try {
      await this.store.ping();
    } catch (error) {
      unhealthy = true;
      issues.push(`store unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!this.scheduler.isRunning) issues.push('scheduler is paused (POST /scheduler/start resumes it)');
    const { lastSuccess, lastFailure } = this.metrics.fetchHistory;
    const failing = lastFailure !== null && (lastSuccess ?? 0) < lastFailure;
    if (failing && Date.now() - (lastSuccess ?? 0) > FETCH_FAILURE_TOLERANCE_MS) {
      issues.push(lastSuccess ? `Yahoo requests have failed since ${new Date(lastSuccess).toISOString()}` : 'no Yahoo request has succeeded yet; the latest failed');
    }
    const status = unhealthy ? 'unhealthy' : issues.length ? 'degraded' : 'healthy';
    res.status(unhealthy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return {
      status,
      issues,
      store: this.connection.client ? 'redis' : 'memory',
      scheduler_running: this.scheduler.isRunning,
      last_successful_fetch_age_seconds: lastSuccess === null ? null : Math.round((Date.now() - lastSuccess) / 1000),
    };
  }
}

import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { JobScheduler } from '../scheduler/job-scheduler.js';
import { JOB_STORE, type JobStore } from '../storage/job-store.js';
import { StoreConnection } from '../storage/store.providers.js';

export class HealthDto {
  @ApiProperty({ enum: ['healthy', 'degraded', 'unhealthy'], example: 'healthy' }) status: 'healthy' | 'degraded' | 'unhealthy';
  @ApiProperty({ type: [String], example: [], description: 'What is wrong, when anything is.' }) issues: string[];
  @ApiProperty({ enum: ['redis', 'memory'], example: 'redis' }) store: 'redis' | 'memory';
  @ApiProperty({ example: true }) scheduler_running: boolean;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(JOB_STORE) private readonly store: JobStore,
    private readonly connection: StoreConnection,
    private readonly scheduler: JobScheduler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness', description: 'unhealthy (503) when the store is unreachable; degraded when the scheduler is paused.' })
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
    const status = unhealthy ? 'unhealthy' : issues.length ? 'degraded' : 'healthy';
    res.status(unhealthy ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return { status, issues, store: this.connection.client ? 'redis' : 'memory', scheduler_running: this.scheduler.isRunning };
  }
}

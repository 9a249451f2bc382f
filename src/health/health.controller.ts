import { Controller, Get, HttpStatus, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { ProviderReport, ProviderState } from '../market-data/chain/provider-health.js';
import { Public } from '../security/public.decorator.js';
import { StoreConnection } from '../storage/store.providers.js';
import { SchedulerHealthIndicators } from './scheduler-health.indicators.js';

export class ProviderReportDto implements ProviderReport {
  @ApiProperty({ example: 'finnhub' }) provider: string;
  @ApiProperty({ enum: ['ok', 'degraded', 'open', 'misconfigured'], example: 'ok', description: 'degraded: its requests have failed for an hour; open: its circuit breaker skips it after repeated faults; misconfigured: it refused the API key (until restart).' })
  status: ProviderState;
  @ApiProperty({ nullable: true, type: Number, example: 42 }) last_successful_fetch_age_seconds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Requests counted against its daily quota, all replicas together; null without one.', example: 7 }) quota_used_today: number | null;
  @ApiPropertyOptional({ example: 'finnhub refused the credentials: …' }) message?: string;
}

export class HealthDto {
  @ApiProperty({ enum: ['healthy', 'degraded', 'unhealthy'], example: 'healthy' }) status: 'healthy' | 'degraded' | 'unhealthy';
  @ApiProperty({ type: [String], example: [], description: 'What is wrong, when anything is.' }) issues: string[];
  @ApiProperty({ enum: ['redis', 'memory'], example: 'redis' }) store: 'redis' | 'memory';
  @ApiProperty({ example: true }) scheduler_running: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds since a request to the first provider (Yahoo) last succeeded in this replica; null if none yet.', example: 42 })
  last_successful_fetch_age_seconds: number | null;
  @ApiPropertyOptional({ type: [ProviderReportDto], description: 'With several providers (MARKET_DATA_PROVIDERS): each one, in priority order.' })
  providers?: ProviderReportDto[];
  @ApiProperty({ description: "Terminus's per-check details (store, scheduler, yahoo).", example: { store: { status: 'up' } } })
  details: HealthCheckResult['details'];
}

const STATUS = { ok: 'healthy', degraded: 'degraded', error: 'unhealthy', shutting_down: 'unhealthy' } as const;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: SchedulerHealthIndicators,
    private readonly connection: StoreConnection,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness',
    description:
      'unhealthy (503) when the store is unreachable, or no provider of several can serve; degraded when the scheduler is paused, Yahoo requests have failed for over an hour, or the first of several providers is not ok.',
  })
  @ApiOkResponse({ type: HealthDto, description: 'healthy or degraded: the service answers and the store is reachable.' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'unhealthy: the store is unreachable (or the service is shutting down).' })
  async check(@Res({ passthrough: true }) res: FastifyReply): Promise<HealthDto> {
    // Terminus answers a failed check by throwing 503 with the same result shape.
    const result = await this.health
      .check([() => this.indicators.storeReachable(), () => this.indicators.schedulerRunning(), () => this.indicators.providersServing()])
      .catch((error: unknown) => {
        if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
        throw error;
      });
    const status = STATUS[result.status];
    res.status(status === 'unhealthy' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    const details = result.details as Record<string, { status: string; message?: string; last_successful_fetch_age_seconds?: number | null; providers?: ProviderReport[] }>;
    return {
      status,
      issues: Object.values(details).flatMap((detail) => (detail.status !== 'up' && detail.message ? [detail.message] : [])),
      store: this.connection.client ? 'redis' : 'memory',
      scheduler_running: details.scheduler?.status === 'up',
      last_successful_fetch_age_seconds: (details.providers ?? details.yahoo)?.last_successful_fetch_age_seconds ?? null,
      ...(details.providers?.providers && { providers: details.providers.providers }),
      details: result.details,
    };
  }
}

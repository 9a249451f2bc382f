import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SchedulerMetrics } from './scheduler-metrics.js';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: SchedulerMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics', description: 'Runs by status, symbols, points written, run duration and fire lateness, retries, provider requests, process metrics.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string', example: 'scheduler_runs_total{status="success",trigger="schedule"} 42' } })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

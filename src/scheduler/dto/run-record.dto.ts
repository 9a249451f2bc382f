import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RUN_STATUSES, RUN_TRIGGERS } from '../job.js';
import type { RunProgress, RunRecord, RunStatus, RunTrigger, SymbolError } from '../job.js';
import { DATASETS, type Dataset } from '../../datasets/dataset.js';
import { JobIdProperty, RunIdProperty } from './id-properties.js';

export class SymbolErrorDto implements SymbolError {
  @ApiProperty({ example: 'INVALIDSYMBOLXYZ' }) symbol: string;
  @ApiProperty({ example: 'No data found, symbol may be delisted' }) error: string;
  @ApiProperty({ description: 'Typed error name; tells whether a retry can help.', example: 'SymbolNotFoundError' }) kind: string;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiPropertyOptional({ description: 'With several providers (MARKET_DATA_PROVIDERS): the provider whose error this is.', example: 'finnhub' }) provider?: string;
  @ApiPropertyOptional({ type: [String], description: 'With several providers: every provider asked for the symbol, in order.', example: ['yahoo', 'finnhub'] }) tried?: string[];
}

export class RunProgressDto implements RunProgress {
  @ApiProperty({ description: 'Symbols done (fetched or failed).', example: 2 }) done: number;
  @ApiProperty({ description: 'Symbols of the run.', example: 4 }) total: number;
}

export class RunRecordDto implements RunRecord {
  @RunIdProperty() run_id: string;
  @JobIdProperty() job_id: string;
  @ApiProperty({ example: 'Daily Tech Stocks' }) job_name: string;
  @ApiProperty({ enum: DATASETS, example: 'historical_prices' }) dataset: Dataset;
  @ApiProperty({ enum: RUN_TRIGGERS, example: 'schedule' }) trigger: RunTrigger;
  @ApiProperty({ nullable: true, type: String, description: 'The occurrence this run is for; null for manual runs.', example: '2025-10-21T17:00:00.000-04:00' })
  scheduled_for: string | null;
  @ApiProperty({ example: '2025-10-21T17:00:00.003-04:00' }) start_time: string;
  @ApiProperty({ example: '2025-10-21T17:00:02.411-04:00' }) end_time: string;
  @ApiProperty({ enum: RUN_STATUSES, example: 'partial_success' }) status: RunStatus;
  @ApiProperty({ type: [String], example: ['AAPL', 'MSFT'] }) fetched_stocks: string[];
  @ApiProperty({ type: [String], example: ['INVALIDSYMBOLXYZ'] }) failed_stocks: string[];
  @ApiProperty({ type: [SymbolErrorDto] }) errors: SymbolErrorDto[];
  @ApiPropertyOptional({
    description: 'Which provider (of MARKET_DATA_PROVIDERS) served each fetched symbol; absent when none was fetched.',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { AAPL: 'yahoo', MSFT: 'alpha_vantage' },
  })
  sources?: Record<string, string>;
  @ApiProperty({ description: 'Items written: bars (inserted or replaced), quotes, option contracts, articles, earnings quarters, or profiles changed.', example: 301 })
  points_written: number;
  @ApiProperty({ description: 'Items dropped by validation (bars with null, negative or inconsistent prices; quotes without a price or time; contracts without a strike; articles without an id or title).', example: 0 })
  items_rejected: number;
  @ApiProperty({ description: 'The same count as items_rejected, kept under its former name.', example: 0, deprecated: true }) bars_rejected: number;
  @ApiProperty({ example: 2408 }) duration_ms: number;
  @ApiProperty({ description: 'How long it waited for a slot among SCHEDULER_MAX_CONCURRENT_RUNS before it started.', example: 0 }) queued_ms: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'The upstream run that started it (trigger chain), or the run it retries (trigger retry).', example: '9b2e4c1a-5d6f-4e7a-8b9c-0d1e2f3a4b5c' }) upstream_run_id?: string;
  @ApiPropertyOptional({ description: 'Which retry of the original run it is (trigger retry only).', example: 1 }) retry_attempt?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'The replica that ran it (GET /scheduler/status lists the live ones); absent for a skipped fire.', example: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f' }) replica_id?: string;
  @ApiProperty({ nullable: true, type: String, description: 'Why the run was skipped, when it was.', example: null }) reason: string | null;
  @ApiProperty({ type: RunProgressDto, description: 'Updated at most once a second while status is running.' }) progress: RunProgressDto;
}

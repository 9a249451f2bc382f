import { PROVIDER_NAMES, type ProviderName } from '../../market-data/chain/provider-names.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATA_INTERVALS, JOB_STATUSES, NOTIFY_ON, RUN_AFTER_ON, RUN_STATUSES, RUN_TRIGGERS } from '../job.js';
import type { DataInterval, JobStatus, LastResult, NotifyOn, RunAfterOn, RunStatus, RunTrigger, ScheduledJob } from '../job.js';
import { DATASETS, type Dataset } from '../../datasets/dataset.js';
import { JobIdProperty, RunIdProperty } from './id-properties.js';
import { RetryPolicyDto } from './retry-policy.dto.js';
import { RunRetryPolicyDto } from './run-retry-policy.dto.js';

export class LastResultDto implements LastResult {
  @RunIdProperty() run_id: string;
  @ApiProperty({ enum: RUN_STATUSES, example: 'success' }) status: RunStatus;
  @ApiProperty({ enum: RUN_TRIGGERS, example: 'schedule' }) trigger: RunTrigger;
  @ApiProperty({ example: '2025-10-21T17:00:04.120-04:00' }) end_time: string;
  @ApiProperty({ description: 'Symbols fetched and stored.', example: 4 }) fetched_count: number;
  @ApiProperty({ description: 'Symbols that failed.', example: 0 }) failed_count: number;
  @ApiProperty({ description: 'Bars written (inserted or replaced).', example: 88 }) points_written: number;
}

export class JobDto implements ScheduledJob {
  @JobIdProperty() job_id: string;
  @ApiProperty({ example: 'Daily Tech Stocks' }) name: string;
  @ApiProperty({ enum: DATASETS, example: 'historical_prices', description: 'What the job fetches.' }) dataset: Dataset;
  @ApiProperty({ type: [String], example: ['AAPL', 'MSFT'] }) stock_ids: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Daily "HH:MM", when the schedule is daily.', example: '17:00' })
  schedule_time: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Cron expression, when the schedule is cron.', example: null })
  cron: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Interval in seconds, when the schedule is an interval.', example: null })
  interval_seconds: number | null;
  @ApiProperty({ description: 'Effective IANA zone of the schedule.', example: 'America/New_York' }) timezone: string;
  @ApiProperty({ example: true }) is_active: boolean;
  @ApiProperty({ enum: JOB_STATUSES, example: 'pending' }) status: JobStatus;
  @ApiProperty({ example: '2025-10-21T10:00:00.000-04:00' }) created_at: string;
  @ApiProperty({ example: '2025-10-21T10:00:00.000-04:00' }) updated_at: string;
  @ApiProperty({ nullable: true, type: String, description: 'Start of the latest run.', example: '2025-10-21T17:00:00.003-04:00' })
  last_run: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Next fire time; null while the job is stopped.', example: '2025-10-22T17:00:00.000-04:00' })
  next_run: string | null;
  @ApiProperty({ example: 'scheduled_stock_data' }) prefix: string;
  @ApiProperty({ example: false }) market_hours_only: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'historical_prices only.', example: null }) start_date?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'historical_prices only.', example: null }) end_date?: string | null;
  @ApiPropertyOptional({ enum: DATA_INTERVALS, description: 'historical_prices only.', example: '1d' }) data_interval?: DataInterval;
  @ApiPropertyOptional({ description: 'historical_prices only.', example: 30 }) lookback_days?: number;
  @ApiPropertyOptional({ description: 'historical_prices only.', example: false }) write_snapshot?: boolean;
  @ApiPropertyOptional({ description: 'options_chain only: nearest expiration dates fetched per symbol.', example: 2 }) expirations?: number;
  @ApiPropertyOptional({ description: 'news_data only: articles asked for per symbol.', example: 10 }) news_count?: number;
  @ApiPropertyOptional({ description: 'stock_quotes, options_chain and news_data only: days items are kept.', example: 30 }) retention_days?: number;
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'economic_events only: the countries kept; null: every country.', example: ['US'] }) countries?: string[] | null;
  @ApiPropertyOptional({ enum: PROVIDER_NAMES, isArray: true, nullable: true, description: "The job's own provider chain, in order (absent: the configured one).", example: ['finnhub', 'yahoo'] })
  providers?: ProviderName[] | null;
  @ApiProperty({ description: 'Catch-up window after downtime, in seconds.', example: 86400 }) misfire_grace_seconds: number;
  @ApiProperty({ description: 'When runs wait for a slot, higher priority first (1–10).', example: 5 }) priority: number;
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Mailed when a run ends with one of notify_on.', example: ['ops@example.com'] }) notify_email?: string[] | null;
  @ApiPropertyOptional({ enum: NOTIFY_ON, isArray: true, description: 'The run outcomes mailed to notify_email.', example: ['failed', 'partial_success'] }) notify_on?: NotifyOn[];
  @ApiPropertyOptional({ type: [String], nullable: true, description: 'Jobs whose runs start this one.', example: null }) run_after?: string[] | null;
  @ApiPropertyOptional({ enum: RUN_AFTER_ON, description: 'Which ends of an upstream run start it.', example: 'completed' }) run_after_on?: RunAfterOn;
  @ApiPropertyOptional({ type: RetryPolicyDto, nullable: true, description: "The job's own retries of a symbol's transient failures." }) retry?: RetryPolicyDto | null;
  @ApiPropertyOptional({ type: RunRetryPolicyDto, nullable: true, description: 'Later runs of the failed symbols of a failed or partial run.' }) run_retry?: RunRetryPolicyDto | null;
  @ApiPropertyOptional({ type: LastResultDto, nullable: true, description: 'Outcome of the latest run.' })
  last_result: LastResultDto | null;
}

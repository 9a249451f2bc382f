import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsObject,
  IsTimeZone,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DATASETS, type Dataset } from '../../datasets/dataset.js';
import { PROVIDER_CHOICES } from '../../market-data/chain/provider-names.js';
import { DATA_INTERVALS, NOTIFY_ON, RUN_AFTER_ON, type DataInterval, type NotifyOn, type RunAfterOn } from '../job.js';
import { IsCronExpression } from './is-cron-expression.validator.js';
import { RetryPolicyDto } from './retry-policy.dto.js';
import { RunRetryPolicyDto } from './run-retry-policy.dto.js';

/** A Yahoo symbol as the user may send it, either case: checked before it is upper-cased, never trimmed. */
export const SYMBOL_PATTERN = /^(?!\.)(?=.*[A-Za-z0-9])[A-Za-z0-9.^=-]{1,20}$/;
export const SYMBOL_RULE = 'a Yahoo symbol: 1–20 of A-Z a-z 0-9 . - ^ =, with a letter or digit, not starting with "."';
export const PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_INTERVAL_SECONDS = 31 * 24 * 3600;

/**
 * Upper-cases and de-duplicates valid symbols. Transforms run before validation, so anything else
 * is left as sent for the validators to reject: upper-casing first would turn "ıbm" into "IBM".
 */
const normaliseSymbols = ({ value }: { value: unknown }) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && SYMBOL_PATTERN.test(v))
    ? [...new Set(value.map((v: string) => v.toUpperCase()))]
    : value;

export class CreateJobDto {
  @ApiProperty({ description: 'Human-readable name of the job.', example: 'Daily Tech Stocks', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    description:
      'What the job fetches. Default historical_prices (OHLCV bars). Each dataset has its own default schedule and fields; economic_events needs a provider with an economic calendar (Yahoo Finance has none).',
    enum: DATASETS,
    example: 'historical_prices',
  })
  @IsOptional()
  @IsIn(DATASETS)
  dataset?: Dataset;

  @ApiProperty({
    description:
      'Yahoo symbols to fetch (1–1000; none for economic_events; ASCII letters in either case, digits, ".", "-", "^", "="; up to 20 characters, at least one letter or digit, not starting with "."). Normalised to upper case, duplicates removed.',
    example: ['AAPL', 'MSFT', 'GOOGL', 'AMZN'],
    type: [String],
  })
  @Transform(normaliseSymbols)
  // An economic_events job takes none: job-spec refuses any it is sent, naming the field.
  @ValidateIf((job: CreateJobDto) => job.dataset !== 'economic_events' || job.stock_ids !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @Matches(SYMBOL_PATTERN, { each: true, message: `each value in stock_ids must be ${SYMBOL_RULE}` })
  stock_ids: string[];

  @ApiPropertyOptional({
    description:
      'Daily fire time "HH:MM" (24 h) in the job\'s time zone. With no schedule given, the dataset\'s default: historical_prices daily at "17:00", stock_quotes every 60 s and options_chain every 300 s in market hours, company_info every 7 days, earnings_data every 6 h, news_data every 30 min.',
    example: '17:00',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @Matches(HH_MM, { message: 'schedule_time must be HH:MM between 00:00 and 23:59' })
  schedule_time?: string | null;

  @ApiPropertyOptional({
    description: 'Cron expression, 5 fields or 6 with seconds, in the job\'s time zone. Replaces schedule_time.',
    example: '30 16 * * 1-5',
    type: String,
    nullable: true,
  })
  @IsOptional()
  @IsCronExpression()
  cron?: string | null;

  @ApiPropertyOptional({
    description: 'Fire every N seconds (1 … 2678400 = 31 days), aligned to multiples of N since the Unix epoch.',
    example: 3600,
    type: 'integer',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INTERVAL_SECONDS)
  interval_seconds?: number | null;

  @ApiPropertyOptional({ description: 'IANA time zone of the schedule. Default: SCHEDULER_TIMEZONE.', example: 'America/New_York' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ description: 'Whether the job is scheduled. Default true.', example: true })
  @IsOptional()
  @IsBoolean()
  is_active?: boolean;

  @ApiPropertyOptional({ description: 'historical_prices only: first day of data (YYYY-MM-DD). Default: lookback_days before each run.', example: '2025-01-02', type: String, format: 'date', nullable: true })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'start_date must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'start_date must be a real calendar date' })
  start_date?: string | null;

  @ApiPropertyOptional({ description: 'historical_prices only: last day of data (YYYY-MM-DD), inclusive. Default: the day of the run.', example: '2025-01-31', type: String, format: 'date', nullable: true })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'end_date must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'end_date must be a real calendar date' })
  end_date?: string | null;

  @ApiPropertyOptional({ description: 'First segment of the market-data keys ([A-Za-z0-9_-], up to 64).', example: 'scheduled_stock_data' })
  @IsOptional()
  @Matches(PREFIX_PATTERN, { message: 'prefix must be 1–64 of A-Z a-z 0-9 _ -' })
  prefix?: string;

  @ApiPropertyOptional({ description: 'historical_prices only: bar interval to fetch. Intraday intervals are limited by Yahoo: 1m to the last 30 days, 5m–30m to 60 days, 60m/1h to 730 days.', enum: DATA_INTERVALS, example: '1d' })
  @IsOptional()
  @IsIn(DATA_INTERVALS)
  data_interval?: DataInterval;

  @ApiPropertyOptional({ description: 'historical_prices only: days of history each run keeps filled when start_date is not set (1–3650; at most 7 for 1m, 60 for 5m–30m, 730 for 60m/1h); a run fetches only the part the series lacks. Default 30 (7 for 1m).', example: 30, type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  lookback_days?: number;

  @ApiPropertyOptional({ description: 'Fire only inside the NYSE regular session. Default false (true for stock_quotes and options_chain when no schedule is given).', example: false })
  @IsOptional()
  @IsBoolean()
  market_hours_only?: boolean;

  @ApiPropertyOptional({
    description: 'historical_prices only: also write the legacy window key {prefix}:{SYMBOL}:{start}:{end} (JSON array) with a TTL. Default false.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  write_snapshot?: boolean;

  @ApiPropertyOptional({ description: 'options_chain only: how many of the nearest expiration dates each run fetches per symbol (1–12). Default 2.', example: 2, type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  expirations?: number;

  @ApiPropertyOptional({ description: 'news_data only: articles asked for per symbol and run (1–50). Default 10.', example: 10, type: 'integer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  news_count?: number;

  @ApiPropertyOptional({
    description: 'stock_quotes, options_chain and news_data only: items older than this many days are trimmed as new ones arrive (1–3650). Default 30 for quotes, 7 for options, 365 for news.',
    example: 30,
    type: 'integer',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  retention_days?: number;

  @ApiPropertyOptional({
    description: 'When fires wait for a slot among SCHEDULER_MAX_CONCURRENT_RUNS, higher priority runs first (first come, first served within one). 1–10, default 5.',
    example: 5,
    type: 'integer',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  priority?: number;

  @ApiPropertyOptional({
    description: 'Addresses mailed (one plain mail per matching run: job, status, failing symbols and errors, a dashboard link) when a run ends with one of notify_on. Needs SMTP_URL. null in an update: nobody.',
    example: ['ops@example.com'],
    type: [String],
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsEmail({}, { each: true, message: 'each value in notify_email must be an email address' })
  notify_email?: string[] | null;

  @ApiPropertyOptional({
    description: 'Job ids whose runs start a run of this one (trigger chain) when they end as run_after_on says. Up to 20; no cycles. null in an update: none.',
    example: ['3f6c1d2e-8a4b-4c5d-9e6f-7a8b9c0d1e2f'],
    type: [String],
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'each value in run_after must be a job id (UUID)' })
  run_after?: string[] | null;

  @ApiPropertyOptional({ enum: RUN_AFTER_ON, description: 'success: only a successful upstream run starts this job; completed (default): success or partial_success; any: any run that ran (skipped ones never).', example: 'completed' })
  @IsOptional()
  @IsIn(RUN_AFTER_ON)
  run_after_on?: RunAfterOn;

  @ApiPropertyOptional({ type: RetryPolicyDto, nullable: true, description: "The job's own retries of a symbol's transient failures, instead of the configured ones (3 retries from 500 ms). null in an update: those.", example: { attempts: 5, backoff_ms: 1000 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RetryPolicyDto)
  retry?: RetryPolicyDto | null;

  @ApiPropertyOptional({ type: RunRetryPolicyDto, nullable: true, description: 'Re-run only the failed symbols of a failed or partial run, delay_seconds after it ends (trigger retry), up to attempts times, never into the next occurrence. null in an update: none.', example: { attempts: 2, delay_seconds: 300 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RunRetryPolicyDto)
  run_retry?: RunRetryPolicyDto | null;

  @ApiPropertyOptional({ enum: ['chain_only'], description: 'chain_only: no schedule of its own (no timer); the job runs when a job of run_after ends, or when run now.', example: 'chain_only' })
  @IsOptional()
  @IsIn(['chain_only'])
  schedule?: 'chain_only';

  @ApiPropertyOptional({ enum: NOTIFY_ON, isArray: true, description: 'The run outcomes mailed to notify_email. Default failed and partial_success.', example: ['failed', 'partial_success'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(NOTIFY_ON, { each: true, message: `each value in notify_on must be one of ${NOTIFY_ON.join(', ')}` })
  notify_on?: NotifyOn[];

  @ApiPropertyOptional({
    description:
      'After downtime, a fire missed by at most this many seconds runs once at boot (trigger catch_up; several misses coalesce into one). 0 disables catch-up. Default 86400 (one day).',
    example: 86400,
    type: 'integer',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INTERVAL_SECONDS)
  misfire_grace_seconds?: number;

  @ApiPropertyOptional({
    description:
      "The job's own provider chain, in priority order: names of MARKET_DATA_PROVIDERS (yahoo, alpha_vantage, finnhub, polygon or massive), each configured and serving the job's dataset. Default: the configured chain; null in an update goes back to it.",
    example: ['finnhub', 'yahoo'],
    type: [String],
    nullable: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROVIDER_CHOICES.length)
  @IsIn(PROVIDER_CHOICES, { each: true, message: `each of providers must be one of ${PROVIDER_CHOICES.join(', ')}` })
  providers?: string[] | null;

  @ApiPropertyOptional({
    description: 'economic_events only: the countries whose releases are kept (ISO 3166 alpha-2, e.g. US, EU for the euro area). Default: every country.',
    example: ['US', 'EU'],
    type: [String],
  })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? [...new Set(value.map((v) => (typeof v === 'string' ? v.toUpperCase() : v)))] : value))
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each value in countries must be an ISO 3166 alpha-2 country code, e.g. US' })
  countries?: string[];
}

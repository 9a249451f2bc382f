import type { ProviderName } from '../market-data/chain/provider-names.js';
import type { Dataset } from '../datasets/dataset.js';

/**
 * The job and run-record shapes. Field names are snake_case because the same objects are the
 * REST contract and the JSON stored at `scheduler:job:{id}`; one shape everywhere means no mapping layer.
 */
export const JOB_STATUSES = ['pending', 'running', 'completed', 'failed', 'paused'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** `running` only for the run in progress; a recorded run has one of the others. */
export const RUN_STATUSES = ['running', 'success', 'partial_success', 'failed', 'skipped'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RUN_TRIGGERS = ['schedule', 'manual', 'catch_up', 'chain', 'retry'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const DATA_INTERVALS = ['1m', '5m', '15m', '30m', '60m', '1h', '1d', '1wk', '1mo'] as const;
export type DataInterval = (typeof DATA_INTERVALS)[number];

/** What a user chooses; the rest of {@link ScheduledJob} is kept by the scheduler. */
export interface JobSpec {
  name: string;
  /** What the job fetches; jobs stored before datasets existed read as `historical_prices`. */
  dataset: Dataset;
  stock_ids: string[];
  schedule_time: string | null;
  cron: string | null;
  interval_seconds: number | null;
  timezone: string;
  prefix: string;
  market_hours_only: boolean;
  /** historical_prices only, like the four below: null when the window starts lookback_days before each run. */
  start_date?: string | null;
  end_date?: string | null;
  data_interval?: DataInterval;
  lookback_days?: number;
  write_snapshot?: boolean;
  /** options_chain: the nearest N expiration dates fetched per symbol. */
  expirations?: number;
  /** news_data: articles asked for per symbol. */
  news_count?: number;
  /** Time series (quotes, options, news): items older than this many days are trimmed as new ones arrive. */
  retention_days?: number;
  /** economic_events: the countries whose releases are kept; null: every country. */
  countries?: string[] | null;
  /** The job's own provider chain, in order; absent or null: the configured one (MARKET_DATA_PROVIDERS). */
  providers?: ProviderName[] | null;
  /** How late a missed fire may still run at boot (coalesced into one catch-up run); 0 disables catch-up. */
  misfire_grace_seconds: number;
  /** 1–10: when runs wait for a slot, higher first (first come, first served within one). */
  priority: number;
  /** Who gets a mail when a run ends with one of `notify_on` (SMTP_URL must be set); absent or null: nobody. */
  notify_email?: string[] | null;
  notify_on?: NotifyOn[];
  /** Jobs whose runs, when they end as `run_after_on` says, start a run of this one (trigger `chain`). */
  run_after?: string[] | null;
  run_after_on?: RunAfterOn;
  /** The job's own retries of a symbol's transient failures, instead of the configured ones; absent or null: those. */
  retry?: RetryPolicy | null;
  /** Runs of the failed symbols of a failed or partial run, later (trigger `retry`); absent or null: none. */
  run_retry?: RunRetryPolicy | null;
}

export interface RunRetryPolicy {
  attempts: number;
  delay_seconds: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt (0–10). */
  attempts: number;
  /** Delay before the first retry; it doubles per retry. */
  backoff_ms: number;
}

/** Which ends of an upstream run start its dependants: success only, success or partial success, or any run that ran. */
export const RUN_AFTER_ON = ['success', 'completed', 'any'] as const;
export type RunAfterOn = (typeof RUN_AFTER_ON)[number];
export const DEFAULT_RUN_AFTER_ON: RunAfterOn = 'completed';

/** The run outcomes a job's mail can be about. */
export const NOTIFY_ON = ['success', 'partial_success', 'failed', 'skipped'] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];
/** What a job with notify_email and no notify_on is told of. */
export const DEFAULT_NOTIFY_ON: NotifyOn[] = ['failed', 'partial_success'];

/** The priority of a job that names none, and of jobs stored before priorities existed. */
export const DEFAULT_PRIORITY = 5;

/** The outcome of the latest run, kept on the job so a list shows it without reading run history. */
export interface LastResult {
  run_id: string;
  status: RunStatus;
  trigger: RunTrigger;
  end_time: string;
  fetched_count: number;
  failed_count: number;
  points_written: number;
}

export interface ScheduledJob extends JobSpec {
  job_id: string;
  is_active: boolean;
  status: JobStatus;
  created_at: string;
  updated_at: string;
  last_run: string | null;
  next_run: string | null;
  last_result: LastResult | null;
}

export interface SymbolError {
  symbol: string;
  error: string;
  /** The typed error's name, e.g. SymbolNotFoundError: tells a user whether retrying can help. */
  kind: string;
  attempts: number;
  /** With several providers: the one whose error this is, and every provider asked, in order. */
  provider?: string;
  tried?: string[];
}

/** Symbols of a run done (fetched or failed) out of its total. */
export interface RunProgress {
  done: number;
  total: number;
}

export interface RunRecord {
  run_id: string;
  job_id: string;
  job_name: string;
  dataset: Dataset;
  trigger: RunTrigger;
  scheduled_for: string | null;
  start_time: string;
  end_time: string;
  status: RunStatus;
  fetched_stocks: string[];
  failed_stocks: string[];
  errors: SymbolError[];
  /** Which provider served each fetched symbol (absent when none was). */
  sources?: Record<string, string>;
  /** Items written: bars, quotes, contracts, articles, quarters, profiles changed. */
  points_written: number;
  /** Items validation dropped. */
  items_rejected: number;
  /** The same as items_rejected, under its name from before datasets. */
  bars_rejected: number;
  duration_ms: number;
  /** How long the run waited for a slot among SCHEDULER_MAX_CONCURRENT_RUNS before it started. */
  queued_ms: number;
  /** The run that started this one: the upstream run (trigger `chain`), or the run it retries (trigger `retry`). */
  upstream_run_id?: string;
  /** Which retry of the original run this is (trigger `retry` only, from 1). */
  retry_attempt?: number;
  /** The replica that ran it (absent for a skipped fire, and for runs recorded before replicas had ids). */
  replica_id?: string;
  /** Why a run was skipped (its previous run still going); null otherwise. */
  reason: string | null;
  /** Updated at most once a second while the run is in progress. */
  progress: RunProgress;
}

/** Fields the scheduler itself changes on a job; the store applies them atomically. */
export type JobPatch = Partial<Omit<ScheduledJob, 'job_id' | 'created_at'>>;

import { randomUUID } from 'node:crypto';
import { STORED_SOURCE_DEFAULT, type Bar, type SeriesId } from '../../market-data/bar.js';
import type { RunRecord, ScheduledJob } from '../../scheduler/job.js';
import type { SnapshotId, SnapshotRecord } from '../bar-store.js';

export function makeJob(overrides: Partial<ScheduledJob> = {}): ScheduledJob {
  return {
    job_id: randomUUID(),
    name: 'Daily close',
    dataset: 'historical_prices',
    stock_ids: ['AAPL', 'MSFT', 'BRK-B'],
    schedule_time: null,
    cron: '0 18 * * 1-5',
    interval_seconds: 3600,
    timezone: 'America/New_York',
    start_date: null,
    end_date: null,
    prefix: 'stock',
    data_interval: '1d',
    lookback_days: 30,
    market_hours_only: false,
    write_snapshot: true,
    misfire_grace_seconds: 86400,
    priority: 5,
    is_active: true,
    status: 'pending',
    created_at: '2025-01-02T03:04:05.000Z',
    updated_at: '2025-01-02T03:04:05.000Z',
    last_run: null,
    next_run: '2025-01-02T23:00:00.000Z',
    last_result: null,
    ...overrides,
  };
}

export function makeRun(jobId: string, n: number): RunRecord {
  return {
    run_id: `run-${n}`,
    job_id: jobId,
    job_name: 'Daily close',
    dataset: 'historical_prices',
    trigger: 'schedule',
    scheduled_for: '2025-01-02T23:00:00.000Z',
    start_time: '2025-01-02T23:00:00.000Z',
    end_time: '2025-01-02T23:00:02.000Z',
    status: 'partial_success',
    fetched_stocks: ['AAPL'],
    failed_stocks: ['NOPE'],
    errors: [{ symbol: 'NOPE', error: 'not found', kind: 'SymbolNotFoundError', attempts: 1 }],
    points_written: 10 * n,
    items_rejected: 0,
    bars_rejected: 0,
    duration_ms: 2000,
    queued_ms: 0,
    reason: null,
    progress: { done: 2, total: 2 },
  };
}

export const series: SeriesId = { prefix: 'stock', symbol: 'AAPL', interval: '1d' };

export const DAY_MS = 86_400_000;
export const T0 = Date.UTC(2025, 0, 2, 14, 30);

/** Bar number `day` after {@link T0}, with prices derived from `base` so replacements are visible. */
export function makeBar(day: number, base = 100, source = STORED_SOURCE_DEFAULT): Bar {
  return {
    source,
    time: T0 + day * DAY_MS,
    open: base + day,
    high: base + day + 1.25,
    low: base + day - 0.5,
    close: base + day + 0.123456789,
    adj_close: day % 2 === 0 ? base + day : null,
    volume: 1_000_000 + day,
  };
}

export const snapshotId: SnapshotId = {
  prefix: 'stock',
  symbol: 'AAPL',
  start_date: '2025-01-01',
  end_date: '2025-01-31',
};

export const snapshotRecords: SnapshotRecord[] = [
  { Date: '2025-01-02', Open: 1, High: 2, Low: 0.5, Close: 1.5, 'Adj Close': 1.4, Volume: 100 },
  { Date: '2025-01-03', Open: 1.5, High: 2.5, Low: 1, Close: 2, 'Adj Close': null, Volume: 200 },
];

/// <reference types="jest" />
import type { JobPatch, ScheduledJob } from '../../scheduler/job.js';
import type { StoreFixture } from '../store-contract.js';
import { makeJob } from './fixtures.js';

const lastResult = {
  run_id: 'run-7',
  status: 'success',
  trigger: 'manual',
  end_time: '2025-01-03T00:00:00.000Z',
  fetched_count: 3,
  failed_count: 0,
  points_written: 90,
} as const;

/** One patch per field a JobPatch may touch, each to a value unlike the fixture's. */
const everyFieldPatch: Required<JobPatch> = {
  name: 'Renamed',
  dataset: 'news_data',
  expirations: 3,
  news_count: 20,
  retention_days: 9,
  providers: ['finnhub', 'yahoo'],
  countries: ['US', 'EU'],
  stock_ids: ['SPY'],
  schedule_time: '09:45',
  cron: null,
  interval_seconds: 30,
  timezone: 'Europe/London',
  start_date: '2024-01-01',
  end_date: '2024-12-31',
  prefix: 'eq',
  data_interval: '5m',
  lookback_days: 7,
  market_hours_only: true,
  write_snapshot: false,
  misfire_grace_seconds: 600,
  priority: 9,
  notify_email: ['ops@example.com'],
  notify_on: ['failed'],
  run_after: ['00000000-0000-4000-8000-000000000001'],
  run_after_on: 'any',
  retry: { attempts: 1, backoff_ms: 10 },
  run_retry: { attempts: 2, delay_seconds: 60 },
  is_active: false,
  status: 'paused',
  updated_at: '2025-02-02T00:00:00.000Z',
  last_run: '2025-02-01T23:00:00.000Z',
  next_run: null,
  last_result: lastResult,
};

export function describeJobPatchCases(stores: () => StoreFixture): void {
  describe('patch', () => {
    async function created(overrides: Partial<ScheduledJob> = {}): Promise<ScheduledJob> {
      const job = makeJob(overrides);
      await stores().jobs.create(job);
      return job;
    }

    it('merges the patch, keeps every other field and returns what it stored', async () => {
      const { jobs } = stores();
      const job = await created();
      const result = await jobs.patch(job.job_id, { status: 'running', last_run: '2025-01-02T23:00:00.000Z' });
      const expected = { ...job, status: 'running', last_run: '2025-01-02T23:00:00.000Z' };
      expect(result).toEqual(expected);
      expect(await jobs.get(job.job_id)).toEqual(expected);
    });

    it('stores null for null fields and leaves undefined fields alone', async () => {
      const { jobs } = stores();
      const job = await created({ last_result: lastResult });
      await jobs.patch(job.job_id, { next_run: null, last_result: null, cron: undefined });
      expect(await jobs.get(job.job_id)).toEqual({ ...job, next_run: null, last_result: null });
    });

    it('round-trips arrays, nested objects, integers and awkward strings', async () => {
      const { jobs } = stores();
      const job = await created();
      const patch: JobPatch = {
        stock_ids: ['MSFT'],
        interval_seconds: 3600,
        lookback_days: 30,
        last_result: lastResult,
        name: 'Tech / ETFs — 日本 "quoted" \\ back',
      };
      await jobs.patch(job.job_id, patch);
      await jobs.patch(job.job_id, { stock_ids: ['A', 'B', 'C'] });
      const stored = await jobs.get(job.job_id);
      expect(stored).toEqual({ ...job, ...patch, stock_ids: ['A', 'B', 'C'] });
      expect(Array.isArray(stored!.stock_ids)).toBe(true);
      expect(Number.isInteger(stored!.interval_seconds)).toBe(true);
      expect(Number.isInteger(stored!.last_result!.points_written)).toBe(true);
    });

    it('returns null for an unknown job and writes nothing', async () => {
      const { jobs } = stores();
      expect(await jobs.patch('no-such-job', { status: 'running' })).toBeNull();
      expect(await jobs.get('no-such-job')).toBeNull();
      expect(await jobs.list()).toEqual([]);
    });

    it('does not bring a deleted job back', async () => {
      const { jobs } = stores();
      const job = await created();
      await jobs.delete(job.job_id);
      expect(await jobs.patch(job.job_id, { status: 'completed' })).toBeNull();
      expect(await jobs.get(job.job_id)).toBeNull();
      expect(await jobs.list()).toEqual([]);
    });

    it('loses no field when every field is patched concurrently, one patch each', async () => {
      const { jobs } = stores();
      const job = await created();
      const patches = Object.entries(everyFieldPatch).map(([field, value]) => ({ [field]: value }) as JobPatch);
      expect(patches).toHaveLength(33);
      await Promise.all(patches.map((patch) => jobs.patch(job.job_id, patch)));
      expect(await jobs.get(job.job_id)).toEqual({ ...job, ...everyFieldPatch });
    });
  });
}

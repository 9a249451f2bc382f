import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { metricSample } from '../../test/support/metric-sample.js';
import type { Bar, Chart } from '../market-data/bar.js';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import { JobManager } from './job-manager.js';
import { JobScheduler } from './job-scheduler.js';
import { SchedulerModule } from './scheduler.module.js';

const bar: Bar = { time: Date.parse('2026-01-05T14:30:00Z'), open: 1, high: 2, low: 0.5, close: 1.5, adj_close: 1.5, volume: 10 };
const charts = { fetch: async (): Promise<Chart> => ({ bars: [bar], actions: [] }) };
// The module wraps the provider's methods as it starts: a test replaces `charts.fetch` instead.
const provider: MarketDataProvider = { fetchChart: () => charts.fetch() };
const HOUR = 3_600_000;

/** The scheduler on a controllable clock: CronJobs arm real (fake) timers, fires run for real. */
describe('JobScheduler on a fake clock', () => {
  let app: INestApplication;
  let jobs: JobManager;

  const boot = async (now: string, maxConcurrentRuns = 4) => {
    jest.useFakeTimers({ now: new Date(now), doNotFake: ['nextTick', 'queueMicrotask'] });
    const moduleRef = await Test.createTestingModule({
      imports: [SchedulerModule.forRoot({ provider, maxConcurrentRuns, timezone: 'America/New_York', yahoo: { maxRps: 1000 } })],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    jobs = app.get(JobManager);
  };
  const create = async (dto: Partial<CreateJobDto>) => (await jobs.create({ name: 'clock', stock_ids: ['AAPL'], ...dto } as CreateJobDto, 'spec')).job_id;
  const runs = async (id: string) => (await jobs.runs(id, 100)).reverse();
  const metric = async (line: string) => metricSample(await app.get(SchedulerMetrics).registry.metrics(), line);
  // Fires are gathered over a few turns of the event loop, and a fake turn taken during an advance
  // costs a millisecond: fires at the very end of an advance are settled a few ms later.
  const advance = async (ms: number) => {
    await jest.advanceTimersByTimeAsync(ms);
    await jest.advanceTimersByTimeAsync(20);
  };

  afterEach(async () => {
    await app.close();
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('fires a daily 17:00 New York job at 17:00 local on both sides of the spring change', async () => {
    await boot('2026-03-07T21:59:59.000Z'); // Saturday 16:59:59 EST
    const id = await create({ schedule_time: '17:00' });
    await advance(1000 + 3 * 24 * HOUR);
    expect((await runs(id)).map((run) => [run.scheduled_for, run.status])).toEqual([
      ['2026-03-07T17:00:00.000-05:00', 'success'],
      ['2026-03-08T17:00:00.000-04:00', 'success'],
      ['2026-03-09T17:00:00.000-04:00', 'success'],
      ['2026-03-10T17:00:00.000-04:00', 'success'],
    ]);
  });

  it('fires a 01:30 New York job once on the autumn day whose 01:30 happens twice', async () => {
    await boot('2026-10-31T05:29:59.000Z'); // Saturday 01:29:59 EDT
    const id = await create({ schedule_time: '01:30' });
    await advance(1000 + 49 * HOUR);
    expect((await runs(id)).map((run) => run.scheduled_for)).toEqual([
      '2026-10-31T01:30:00.000-04:00',
      '2026-11-01T01:30:00.000-04:00',
      '2026-11-02T01:30:00.000-05:00',
    ]);
  });

  it('fires market_hours_only jobs only inside NYSE hours: closed-market occurrences are not fires and write nothing', async () => {
    await boot('2026-11-25T14:59:59.000Z'); // Wednesday 09:59:59 EST, the day before Thanksgiving
    const id = await create({ cron: '0 0 10,14 * * *', market_hours_only: true });
    expect(await jobs.nextRuns(id, 3, new Date())).toEqual([
      '2026-11-25T10:00:00.000-05:00',
      '2026-11-25T14:00:00.000-05:00',
      '2026-11-27T10:00:00.000-05:00', // Thursday is Thanksgiving; Friday closes at 13:00, so no 14:00
    ]);
    await advance(1000 + 3 * 24 * HOUR);
    const outcome = (await runs(id)).map((run) => [run.scheduled_for, run.status]);
    expect(outcome).toEqual([
      ['2026-11-25T10:00:00.000-05:00', 'success'],
      ['2026-11-25T14:00:00.000-05:00', 'success'],
      ['2026-11-27T10:00:00.000-05:00', 'success'],
    ]);
    expect((await jobs.get(id)).next_run).toBe('2026-11-30T10:00:00.000-05:00');
    // Its CronJob woke three times, for the three runs; no closed-market occurrence reached the scheduler.
    expect(await metric('scheduler_fire_lateness_seconds_count')).toBe(3);
    expect(await metric('scheduler_market_closed_skips_total{trigger="schedule"}')).toBeUndefined();
  });

  it('counts a closed-market occurrence that still reaches the scheduler, with no run record and no change to the job', async () => {
    await boot('2026-11-28T16:00:00.000Z'); // Saturday 11:00 New York
    const id = await create({ cron: '0 0 10 * * *', market_hours_only: true });
    const before = await jobs.get(id);
    await app.get(JobScheduler).dispatch([{ job: before, trigger: 'catch_up', scheduledFor: new Date('2026-11-28T15:00:00.000Z') }]);
    await advance(1000);
    expect(await runs(id)).toEqual([]);
    expect(await jobs.get(id)).toEqual(before);
    expect(before).toMatchObject({ status: 'pending', last_run: null, next_run: '2026-11-30T10:00:00.000-05:00' });
    expect(await metric('scheduler_market_closed_skips_total{trigger="catch_up"}')).toBe(1);
    expect(await metric('scheduler_fires_lost_total')).toBe(0);
  });

  it('runs a manual run of a market_hours_only job while the market is closed', async () => {
    await boot('2026-11-28T16:00:00.000Z'); // Saturday 11:00 New York
    const id = await create({ cron: '0 0 10 * * *', market_hours_only: true });
    await jobs.runNow(id);
    await advance(100);
    expect((await runs(id)).map((run) => [run.trigger, run.status])).toEqual([['manual', 'success']]);
    expect(await metric('scheduler_market_closed_skips_total{trigger="manual"}')).toBeUndefined();
  });

  /** Makes every fetch wait until the returned function is called. */
  const holdFetches = () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(charts, 'fetch').mockImplementation(async () => {
      await gate;
      return { bars: [bar], actions: [] };
    });
    return release;
  };

  it('skips a fire while the previous run of the same job is still going', async () => {
    await boot('2026-06-01T12:00:00.000Z');
    const release = holdFetches();
    const id = await create({ interval_seconds: 1 });
    await advance(3000);
    release();
    await advance(10);
    const outcome = (await runs(id)).map((run) => [run.status, run.reason]);
    expect(outcome).toEqual([
      ['skipped', 'the previous run is still in progress'],
      ['skipped', 'the previous run is still in progress'],
      ['success', null],
    ]);
  });

  it('runs at most maxConcurrentRuns at once; later fires wait their turn, in order', async () => {
    await boot('2026-06-01T15:59:59.500Z', 1); // 11:59:59.5 New York
    const release = holdFetches();
    const ids = [await create({ name: 'first', cron: '0 0 12 * * *' }), await create({ name: 'second', cron: '0 0 12 * * *' })];
    await advance(1000);
    expect((await Promise.all(ids.map((id) => jobs.get(id)))).map((job) => job.status)).toEqual(['running', 'pending']);
    await advance(5000);
    release();
    await advance(10);
    const [first, second] = await Promise.all(ids.map(async (id) => (await runs(id))[0]));
    expect([first.status, second.status]).toEqual(['success', 'success']);
    expect(first.scheduled_for).toBe(second.scheduled_for);
    expect(Date.parse(second.start_time)).toBeGreaterThanOrEqual(Date.parse(first.end_time));
  });
});

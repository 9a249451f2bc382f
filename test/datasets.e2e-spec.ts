import { JobRegistry } from '../src/scheduler/job-registry.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { useE2eApp } from './support/e2e-context.js';
import { recordedRuns, type StoreKind } from './support/test-app.js';

describe.each<StoreKind>(['redis', 'memory'])('datasets on the job model (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const http = ctx.http;
  const chartRequests = (symbol: string) => ctx.yahoo.requests.filter((r) => r.symbol === symbol).length;

  it('gives a job without a dataset historical_prices and records the dataset and items_rejected on its runs', async () => {
    const job = (await http().post('/scheduler/jobs').send({ name: 'bars', stock_ids: ['AAPL'], start_date: '2020-08-31', end_date: '2020-11-06' }).expect(201)).body;
    const stored = (await http().get(`/scheduler/jobs/${job.job_id}`).expect(200)).body;
    expect(stored).toMatchObject({ dataset: 'historical_prices', schedule_time: '17:00', data_interval: '1d', lookback_days: 30, write_snapshot: false });
    const run = await ctx.runAndWait(job.job_id);
    expect(run).toMatchObject({ dataset: 'historical_prices', status: 'success', points_written: 49, items_rejected: 0, bars_rejected: 0 });
  });

  it('shares one chart request among jobs firing at the same instant over the same symbols', async () => {
    ctx.yahoo.reset();
    const symbols = ['MSFT', 'NVDA', 'GOOG'];
    const body = { stock_ids: symbols, start_date: '2021-02-01', end_date: '2022-01-31', is_active: false };
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) ids.push((await http().post('/scheduler/jobs').send({ ...body, name }).expect(201)).body.job_id);
    // One occurrence for all three, through the scheduler's own fire path, as their CronJobs would.
    const occurrence = new Date(Math.floor(Date.now() / 1000) * 1000);
    const jobs = await ctx.t.app.get(JobRegistry).getMany(ids);
    await ctx.t.app.get(JobScheduler).dispatch(jobs.map((job) => ({ job: job!, trigger: 'schedule' as const, scheduledFor: occurrence })));
    const runs = await Promise.all(ids.map(async (id) => (await recordedRuns(ctx.t.app.getHttpServer(), id, 1))[0]));
    expect(runs.map((run) => [run.status, run.fetched_stocks.length])).toEqual([
      ['success', 3],
      ['success', 3],
      ['success', 3],
    ]);
    expect(symbols.map(chartRequests)).toEqual([1, 1, 1]);
  });
});

// Only Redis holds jobs written by an older version.
describe('a job stored before datasets existed (redis store)', () => {
  const ctx = useE2eApp('redis');
  const http = ctx.http;

  it('reads as historical_prices, and runs', async () => {
    const job = (await http().post('/scheduler/jobs').send({ name: 'old', stock_ids: ['AAPL'], is_active: false }).expect(201)).body;
    const key = `${ctx.t.keyPrefix}scheduler:job:${job.job_id}`;
    const { dataset, ...older } = JSON.parse((await ctx.t.redis!.get(key))!);
    expect(dataset).toBe('historical_prices');
    await ctx.t.redis!.set(key, JSON.stringify(older));
    expect((await http().get(`/scheduler/jobs/${job.job_id}`).expect(200)).body.dataset).toBe('historical_prices');
    expect(await ctx.runAndWait(job.job_id)).toMatchObject({ dataset: 'historical_prices', status: 'success' });
  });
});

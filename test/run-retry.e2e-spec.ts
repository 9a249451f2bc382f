import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { eventually } from './support/test-app.js';

/** run_retry: the failed symbols of a run are run again later, alone, up to the job's attempts. */
describe.each(['memory', 'redis'] as const)('run retries (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const job = async (name: string, attempts: number) =>
    (await ctx.http().post('/scheduler/jobs').send({ name, stock_ids: ['AAPL', 'MSFT'], cron: '0 0 1 1 *', retry: { attempts: 0, backoff_ms: 1 }, run_retry: { attempts, delay_seconds: 1 } }).expect(201)).body.job_id as string;
  const runs = async (id: string): Promise<RunRecord[]> => (await ctx.http().get(`/scheduler/jobs/${id}/runs`).expect(200)).body;
  afterEach(() => ctx.yahoo.reset());

  it('runs only the symbols that failed, a delay after the run, and stops once they succeed', async () => {
    ctx.yahoo.override('MSFT', { status: 503, times: 1 });
    const id = await job('retried once', 3);
    const first = await ctx.runAndWait(id);
    expect(first).toMatchObject({ status: 'partial_success', failed_stocks: ['MSFT'] });
    const [retry] = await eventually(async () => {
      const all = await runs(id);
      return all.length === 2 && all[0]!.status !== 'running' ? all : undefined;
    }, 10_000, 'the retry');
    expect(retry).toMatchObject({ trigger: 'retry', upstream_run_id: first.run_id, retry_attempt: 1, status: 'success', fetched_stocks: ['MSFT'], failed_stocks: [], progress: { done: 1, total: 1 } });
    expect(Date.parse(retry!.start_time) - Date.parse(first.end_time)).toBeGreaterThanOrEqual(900);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await runs(id)).toHaveLength(2);
  }, 30_000);

  it('gives up after its attempts, each retry pointing at the run first retried', async () => {
    ctx.yahoo.override('MSFT', { status: 503 });
    const id = await job('always failing', 2);
    const first = await ctx.runAndWait(id);
    const all = await eventually(async () => {
      const found = await runs(id);
      return found.length === 3 && found[0]!.status !== 'running' ? found : undefined;
    }, 15_000, 'two retries');
    expect(all.map((run) => [run.trigger, run.retry_attempt ?? null, run.upstream_run_id ?? null])).toEqual([
      ['retry', 2, first.run_id],
      ['retry', 1, first.run_id],
      ['manual', null, null],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await runs(id)).toHaveLength(3);
  }, 30_000);

  it('refuses a policy out of bounds with a 400 naming run_retry', async () => {
    for (const run_retry of [{ attempts: 0, delay_seconds: 1 }, { attempts: 1, delay_seconds: 0 }, { attempts: 11, delay_seconds: 60 }, { attempts: 1 }]) {
      const answer = await ctx.http().post('/scheduler/jobs').send({ name: 'bad', stock_ids: ['AAPL'], run_retry }).expect(400);
      expect(answer.body.message.join(' ')).toMatch(/run_retry/);
    }
  });
});

import { useE2eApp } from './support/e2e-context.js';
import { recordedRun } from './support/test-app.js';

/** With every run slot taken, waiting runs start by priority, then in the order they came. */
describe('run priorities (redis store, one run slot)', () => {
  const ctx = useE2eApp('redis', { env: { SCHEDULER_MAX_CONCURRENT_RUNS: '1', FETCH_CONCURRENCY: '1' } });
  const job = async (name: string, priority?: number) =>
    (await ctx.http().post('/scheduler/jobs').send({ name, stock_ids: ['MSFT'], cron: '0 0 1 1 *', ...(priority && { priority }) }).expect(201)).body.job_id as string;

  it('starts higher priorities first, first come first served within one, and records how long each queued', async () => {
    ctx.yahoo.override('AAPL', { delayMs: 1500, times: 1 });
    const blocker = (await ctx.http().post('/scheduler/jobs').send({ name: 'blocker', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const waiting = [['low', 1], ['mid', undefined], ['high', 10], ['mid 2', 5]] as const;
    const ids: Record<string, string> = {};
    for (const [name, priority] of waiting) ids[name] = await job(name, priority);
    expect((await ctx.http().get(`/scheduler/jobs/${ids.mid}`).expect(200)).body.priority).toBe(5);

    const blockerRun = (await ctx.http().post(`/scheduler/jobs/${blocker}/run`).expect(202)).body.run_id;
    const runIds: Record<string, string> = {};
    for (const [name] of waiting) runIds[name] = (await ctx.http().post(`/scheduler/jobs/${ids[name]}/run`).expect(202)).body.run_id;
    await recordedRun(ctx.t.app.getHttpServer(), blocker, blockerRun, 15_000);
    const records = await Promise.all(waiting.map(([name]) => recordedRun(ctx.t.app.getHttpServer(), ids[name]!, runIds[name]!, 15_000)));
    const order = waiting.map(([name], i) => ({ name, start: Date.parse(records[i]!.start_time), queued: records[i]!.queued_ms })).sort((a, b) => a.start - b.start);
    expect(order.map((run) => run.name)).toEqual(['high', 'mid', 'mid 2', 'low']);
    // Each waited for the blocker (1.5 s) and those before it.
    for (const run of order) expect(run.queued).toBeGreaterThanOrEqual(1000);
    expect(order.at(-1)!.queued).toBeGreaterThanOrEqual(order[0]!.queued);
  }, 30_000);

  it('refuses a priority outside 1–10 with a 400 naming it, and audits a change', async () => {
    for (const priority of [0, 11, 2.5, '5']) {
      const answer = await ctx.http().post('/scheduler/jobs').send({ name: 'bad', stock_ids: ['AAPL'], priority }).expect(400);
      expect(answer.body.message.join(' ')).toMatch(/priority/);
    }
    const id = await job('audited');
    await ctx.http().put(`/scheduler/jobs/${id}`).send({ priority: 9 }).expect(200);
    const [entry] = (await ctx.http().get(`/scheduler/jobs/${id}/audit`).expect(200)).body;
    expect(entry.changes).toEqual({ priority: { from: 5, to: 9 } });
    await ctx.http().put(`/scheduler/jobs/${id}`).send({ priority: null }).expect(400);
  });
});

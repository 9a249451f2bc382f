import { randomUUID } from 'node:crypto';
import { useE2eApp } from './support/e2e-context.js';
import { eventually } from './support/test-app.js';

/** A run can be followed from the moment POST …/run answers until it is recorded. */
describe('a run in progress (redis store)', () => {
  const ctx = useE2eApp('redis', { env: { FETCH_CONCURRENCY: '1' } });
  const { http } = ctx;

  it('is readable by its run_id with its progress, and then as its outcome', async () => {
    const symbols = ['AAPL', 'MSFT', 'GOOG', 'AMZN'];
    for (const symbol of symbols) ctx.yahoo.override(symbol, { delayMs: 700, times: 1 });
    const id = (await http().post('/scheduler/jobs').send({ name: 'followed', stock_ids: symbols, cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const runId = (await http().post(`/scheduler/jobs/${id}/run`).expect(202)).body.run_id;

    const first = (await http().get(`/scheduler/jobs/${id}/runs/${runId}`).expect(200)).body;
    expect(first).toMatchObject({ run_id: runId, job_id: id, trigger: 'manual', status: 'running', progress: { done: 0, total: 4 } });
    expect((await http().get(`/scheduler/jobs/${id}/runs`).expect(200)).body[0]).toEqual(first);

    // One symbol at a time, 0.7 s each: a count between none and all is seen on the way.
    const midway = await eventually(async () => {
      const { progress } = (await http().get(`/scheduler/jobs/${id}/runs/${runId}`).expect(200)).body;
      return progress.done > 0 && progress.done < 4 ? progress : undefined;
    }, 5000, 'progress');
    expect(midway.total).toBe(4);

    const done = await eventually(async () => {
      const run = (await http().get(`/scheduler/jobs/${id}/runs/${runId}`).expect(200)).body;
      return run.status === 'running' ? undefined : run;
    }, 10_000, 'the outcome');
    expect(done).toMatchObject({ run_id: runId, status: 'success', progress: { done: 4, total: 4 }, fetched_stocks: symbols });
    expect((await http().get(`/scheduler/jobs/${id}/runs`).expect(200)).body).toEqual([done]);
  }, 20_000);

  it('answers 404 for a run the job never had, 400 for an id that is not one', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'no runs', stock_ids: ['AAPL'], is_active: false }).expect(201)).body.job_id;
    const missing = await http().get(`/scheduler/jobs/${id}/runs/${randomUUID()}`).expect(404);
    expect(missing.body.message).toMatch(/^Run .* of job .* not found/);
    await http().get(`/scheduler/jobs/${randomUUID()}/runs/${randomUUID()}`).expect(404);
    await http().get(`/scheduler/jobs/${id}/runs/not-a-uuid`).expect(400);
  });
});

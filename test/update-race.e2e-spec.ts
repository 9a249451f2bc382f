import { useE2eApp } from './support/e2e-context.js';
import { recordedRuns } from './support/test-app.js';

/** A PUT racing the end of a run writes what the user sent, never the run's state it read before. */
describe('updates racing runs (redis store)', () => {
  const ctx = useE2eApp('redis', { env: { SCHEDULER_RECONCILE_MS: '200' }, yahoo: { latencyMs: 5 } });
  const { http } = ctx;

  it('leaves every run recorded once, the job not running, and no invented run', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'raced', stock_ids: ['GOOG'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const runIds: string[] = [];
    for (let round = 0; round < 30; round++) {
      const runId = (await http().post(`/scheduler/jobs/${id}/run`).expect(202)).body.run_id as string;
      runIds.push(runId);
      // Renames until the run is recorded, so some PUT reads the job running and writes after the run ends.
      for (let n = 0; n < 100; n++) {
        await Promise.all([0, 1, 2].map((k) => http().put(`/scheduler/jobs/${id}`).send({ name: `raced ${round}.${n}.${k}` }).expect(200)));
        const job = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
        if (job.last_result?.run_id === runId && job.status !== 'running') break;
      }
    }
    // Give the reconciler (every 200 ms) the chance to find a job left "running".
    await new Promise((resolve) => setTimeout(resolve, 800));
    const job = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(job).toMatchObject({ status: 'completed', last_result: { run_id: runIds.at(-1), status: 'success' } });
    const runs = await recordedRuns(ctx.t.app.getHttpServer(), id, runIds.length);
    expect(runs.filter((run) => run.reason !== null)).toEqual([]);
    expect(runs.map((run) => run.run_id)).toEqual([...runIds].reverse());
  }, 60_000);
});

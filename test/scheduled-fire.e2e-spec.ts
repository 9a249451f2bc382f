import { SchedulerRegistry } from '@nestjs/schedule';
import { CRON_NAME_PREFIX } from '../src/scheduler/cron-registry.js';
import { useE2eApp } from './support/e2e-context.js';
import { eventually } from './support/test-app.js';

interface Run {
  run_id: string;
  trigger: string;
  scheduled_for: string;
  start_time: string;
  status: string;
}

/** Fires go through the real CronJob in SchedulerRegistry, not a direct call to the executor. */
describe('scheduled fires (redis store)', () => {
  const ctx = useE2eApp('redis');
  const http = ctx.http;
  /** Recorded runs only: the one in progress is listed first while it runs. */
  const runsOf = async (id: string): Promise<Run[]> =>
    ((await http().get(`/scheduler/jobs/${id}/runs`).expect(200)).body as Run[]).filter((run) => run.status !== 'running');

  it('fires a job due every second through its prefixed CronJob and records the run', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'every second', stock_ids: ['AAPL'], cron: '* * * * * *' }).expect(201)).body.job_id;

    const registry = ctx.t.app.get(SchedulerRegistry);
    expect([...registry.getCronJobs().keys()]).toContain(`${CRON_NAME_PREFIX}${id}`);

    const runs = await eventually(async () => {
      const found = await runsOf(id);
      return found.length >= 2 ? found : undefined;
    }, 8_000, 'two scheduled runs');
    for (const run of runs) {
      expect(run).toMatchObject({ trigger: 'schedule', status: 'success' });
      expect(run.scheduled_for).toMatch(/:\d\d\.000-0[45]:00$/); // a whole second: the occurrence, not the clock
      expect(Date.parse(run.start_time)).toBeGreaterThanOrEqual(Date.parse(run.scheduled_for));
    }
    expect(new Set(runs.map((run) => run.scheduled_for)).size).toBe(runs.length);

    const job = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(job.last_result).toMatchObject({ trigger: 'schedule', status: 'success' });
    expect(Date.parse(job.next_run)).toBeGreaterThan(Date.parse(job.last_run));

    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    expect([...registry.getCronJobs().keys()]).not.toContain(`${CRON_NAME_PREFIX}${id}`);
    await eventually(async () => ((await http().get(`/scheduler/jobs/${id}`)).body.status === 'paused' ? true : undefined));
    const settled = (await runsOf(id)).length;
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect((await runsOf(id)).length).toBe(settled);
  });

  it('pauses and resumes the whole scheduler', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'paused', stock_ids: ['MSFT'], interval_seconds: 1 }).expect(201)).body.job_id;
    await http().post('/scheduler/stop').expect(200, { message: 'Scheduler stopped successfully' });
    expect((await http().get('/scheduler/status').expect(200)).body.is_running).toBe(false);
    expect((await http().get('/health').expect(200)).body).toMatchObject({ status: 'degraded' });
    const before = (await runsOf(id)).length;
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect((await runsOf(id)).length).toBe(before);

    await http().post('/scheduler/start').expect(200, { message: 'Scheduler started successfully' });
    const runs = await eventually(async () => {
      const found = await runsOf(id);
      return found.length > before ? found : undefined;
    }, 5_000, 'a run after resume');
    expect(runs[0]).toMatchObject({ trigger: 'schedule', status: 'success' });
    expect((await http().get('/health').expect(200)).body).toMatchObject({ status: 'healthy', issues: [] });
    await http().delete(`/scheduler/jobs/${id}`).expect(200);
  });
});

import request from 'supertest';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, eventually, recordedRuns, type TestApp } from './support/test-app.js';

interface Run {
  trigger: string;
  status: string;
  scheduled_for: string | null;
  reason: string | null;
}

/** What a crash, downtime or a shutdown leaves behind, and what the next boot makes of it. */
describe('recovery (redis store)', () => {
  let yahoo: FakeYahoo;
  const opened: TestApp[] = [];
  const open = async (keyPrefix?: string, env?: Record<string, string>) => {
    const t = await createTestApp({ store: 'redis', yahooUrl: yahoo.url, keyPrefix, env });
    opened.push(t);
    return t;
  };
  const runsOf = async (t: TestApp, id: string): Promise<Run[]> => (await request(t.app.getHttpServer()).get(`/scheduler/jobs/${id}/runs`).expect(200)).body;
  /** Edits the stored job JSON as a process that died would have left it. */
  const rewrite = async (t: TestApp, id: string, fields: Record<string, unknown>) => {
    const key = `${t.keyPrefix}scheduler:job:${id}`;
    await t.redis!.set(key, JSON.stringify({ ...JSON.parse((await t.redis!.get(key))!), ...fields }));
  };

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
  });
  afterEach(async () => {
    yahoo.reset();
    for (const t of opened.splice(0)) await t.close();
  });
  afterAll(() => yahoo.close());

  it('records a run a crash cut short as failed, and leaves no job running', async () => {
    const first = await open();
    const id = (await request(first.app.getHttpServer()).post('/scheduler/jobs').send({ name: 'crashed', stock_ids: ['AAPL'], cron: '0 9 * * *' }).expect(201)).body.job_id;
    await first.stop();
    // What a run leaves as it starts: the job running, and its record as the current run.
    const started = new Date(Date.now() - 60_000).toISOString();
    const current = { run_id: 'crashed-run', job_id: id, trigger: 'schedule', scheduled_for: '2026-01-05T09:00:00.000-05:00', start_time: started, status: 'running', progress: { done: 0, total: 1 } };
    await rewrite(first, id, { status: 'running', last_run: started });
    await first.redis!.set(`${first.keyPrefix}scheduler:current-run:${id}`, JSON.stringify(current));

    const second = await open(first.keyPrefix);
    const job = (await request(second.app.getHttpServer()).get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(job.status).toBe('failed');
    expect(job.last_result).toMatchObject({ run_id: 'crashed-run', status: 'failed', failed_count: 1 });
    expect(await runsOf(second, id)).toEqual([
      expect.objectContaining({
        run_id: 'crashed-run',
        trigger: 'schedule',
        scheduled_for: '2026-01-05T09:00:00.000-05:00',
        start_time: started,
        status: 'failed',
        reason: expect.stringContaining('stopped renewing its lease'),
      }),
    ]);
  });

  it('catches up once on a fire missed within the grace, and moves on from one missed beyond it', async () => {
    const first = await open();
    const http1 = request(first.app.getHttpServer());
    const daily = { stock_ids: ['MSFT'], schedule_time: '09:00', timezone: 'America/New_York' };
    const recent = (await http1.post('/scheduler/jobs').send({ ...daily, name: 'recent' }).expect(201)).body.job_id;
    const stale = (await http1.post('/scheduler/jobs').send({ ...daily, name: 'stale', misfire_grace_seconds: 60 }).expect(201)).body.job_id;
    await first.stop();
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    await rewrite(first, recent, { next_run: threeDaysAgo });
    await rewrite(first, stale, { next_run: threeDaysAgo });

    const second = await open(first.keyPrefix);
    const [caughtUp] = await recordedRuns<Run>(second.app.getHttpServer(), recent);
    expect(caughtUp).toMatchObject({ trigger: 'catch_up', status: 'success' });
    expect(caughtUp.scheduled_for).toMatch(/T09:00:00\.000-0[45]:00$/);
    expect(Date.now() - Date.parse(caughtUp.scheduled_for!)).toBeLessThanOrEqual(86_400_000);
    expect(await runsOf(second, recent)).toHaveLength(1);

    expect(await runsOf(second, stale)).toEqual([]);
    const staleJob = (await request(second.app.getHttpServer()).get(`/scheduler/jobs/${stale}`).expect(200)).body;
    expect(Date.parse(staleJob.next_run)).toBeGreaterThan(Date.now());
  });

  it('on shutdown, lets a run finish within the grace', async () => {
    yahoo.override('AAPL', { delayMs: 400 });
    const t = await open(undefined, { SHUTDOWN_GRACE_MS: '5000' });
    const id = (await request(t.app.getHttpServer()).post('/scheduler/jobs').send({ name: 'slow', stock_ids: ['AAPL'] }).expect(201)).body.job_id;
    await request(t.app.getHttpServer()).post(`/scheduler/jobs/${id}/run`).expect(202);
    await eventually(async () => (yahoo.requests.length ? true : undefined));
    await t.stop();
    const run = JSON.parse((await t.redis!.lindex(`${t.keyPrefix}scheduler:runs:${id}`, 0))!);
    expect(run).toMatchObject({ status: 'success', trigger: 'manual' });
  });

  it('on shutdown, records a run still going after the grace as interrupted', async () => {
    yahoo.override('AAPL', { delayMs: 3000 });
    const t = await open(undefined, { SHUTDOWN_GRACE_MS: '200' });
    const id = (await request(t.app.getHttpServer()).post('/scheduler/jobs').send({ name: 'too slow', stock_ids: ['AAPL'] }).expect(201)).body.job_id;
    await request(t.app.getHttpServer()).post(`/scheduler/jobs/${id}/run`).expect(202);
    await eventually(async () => (yahoo.requests.length ? true : undefined));
    await t.stop();
    const run = JSON.parse((await t.redis!.lindex(`${t.keyPrefix}scheduler:runs:${id}`, 0))!);
    expect(run).toMatchObject({ status: 'failed', reason: expect.stringContaining('interrupted: the service shut down') });
    expect(JSON.parse((await t.redis!.get(`${t.keyPrefix}scheduler:job:${id}`))!).status).toBe('failed');
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useServiceProcesses } from './support/service-processes.js';
import { eventually, recordedRuns, testRedisUrl } from './support/test-app.js';

/** Real service processes on one Redis: a replica killed mid-run loses nothing. */
describe('replicas as real processes', () => {
  const processes = useServiceProcesses();
  const env = () => ({
    REDIS_URL: testRedisUrl(),
    KEY_PREFIX: `test:${randomUUID()}:`,
    YAHOO_MAX_RPS: '1000',
    SCHEDULER_LEASE_TTL_MS: '1500',
    SCHEDULER_RECONCILE_MS: '300',
  });

  it('records the run of a SIGKILLed replica as interrupted on another, and the job goes on', async () => {
    const { yahoo } = processes;
    const shared = env();
    const [a, b] = [await processes.start(shared), await processes.start(shared)];
    yahoo.override('AAPL', { delayMs: 20_000 });

    const id = (await request(a.url).post('/scheduler/jobs').send({ name: 'mid-run', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const runId = (await request(a.url).post(`/scheduler/jobs/${id}/run`).expect(202)).body.run_id;
    await eventually(async () => ((await request(b.url).get(`/scheduler/jobs/${id}`)).body.status === 'running' ? true : undefined), 5000, 'the run on A');
    await request(b.url).post(`/scheduler/jobs/${id}/run`).expect(409); // A holds the lease
    // Visible from its start, on every replica.
    expect((await request(b.url).get(`/scheduler/jobs/${id}/runs`).expect(200)).body).toEqual([
      expect.objectContaining({ run_id: runId, status: 'running', trigger: 'manual' }),
    ]);

    await a.kill('SIGKILL');
    const [lost] = await recordedRuns(b.url, id, 1);
    // The lost run is recorded as itself, and says what is known.
    expect(lost).toMatchObject({ run_id: runId, trigger: 'manual', status: 'failed', reason: expect.stringContaining('stopped renewing its lease') });
    expect((await request(b.url).get(`/scheduler/jobs/${id}`).expect(200)).body).toMatchObject({ job_id: id, status: 'failed', is_active: true });

    yahoo.reset();
    await request(b.url).post(`/scheduler/jobs/${id}/run`).expect(202);
    const [again] = await recordedRuns(b.url, id, 2);
    expect(again).toMatchObject({ status: 'success', trigger: 'manual' });
  }, 60_000);

  it('on SIGTERM lets the run finish within the grace before exiting', async () => {
    const { yahoo } = processes;
    const shared = { ...env(), SHUTDOWN_GRACE_MS: '10000' };
    const service = await processes.start(shared);
    yahoo.override('MSFT', { delayMs: 1000 });
    const id = (await request(service.url).post('/scheduler/jobs').send({ name: 'graceful', stock_ids: ['MSFT'] }).expect(201)).body.job_id;
    await request(service.url).post(`/scheduler/jobs/${id}/run`).expect(202);
    await eventually(async () => (yahoo.requests.some((r) => r.symbol === 'MSFT') ? true : undefined), 5000);
    await service.kill('SIGTERM');

    const reader = await processes.start(shared);
    const runs = (await request(reader.url).get(`/scheduler/jobs/${id}/runs`).expect(200)).body;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'success', trigger: 'manual', points_written: 252 });
  }, 60_000);

  it('on SIGTERM past the grace records the run as interrupted and frees the job at once', async () => {
    const { yahoo } = processes;
    const shared = { ...env(), SHUTDOWN_GRACE_MS: '300', SCHEDULER_LEASE_TTL_MS: '30000' };
    const service = await processes.start(shared);
    yahoo.override('GOOG', { delayMs: 20_000, times: 1 });
    const id = (await request(service.url).post('/scheduler/jobs').send({ name: 'cut short', stock_ids: ['GOOG'] }).expect(201)).body.job_id;
    const runId = (await request(service.url).post(`/scheduler/jobs/${id}/run`).expect(202)).body.run_id;
    await eventually(async () => (yahoo.requests.some((r) => r.symbol === 'GOOG') ? true : undefined), 5000);
    await service.kill('SIGTERM');

    const next = await processes.start(shared);
    expect((await request(next.url).get(`/scheduler/jobs/${id}/runs`).expect(200)).body).toEqual([
      expect.objectContaining({ run_id: runId, trigger: 'manual', status: 'failed', reason: expect.stringContaining('shut down') }),
    ]);
    // Its lease went with it (its TTL is 30 s): the job can run again straight away.
    await request(next.url).post(`/scheduler/jobs/${id}/run`).expect(202);
  }, 60_000);
});

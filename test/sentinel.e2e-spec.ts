import request from 'supertest';
import type { RunRecord } from '../src/scheduler/job.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { startSentinelGroup, type SentinelGroup } from './support/sentinel-group.js';
import { createTestApp, eventually, type TestApp } from './support/test-app.js';

const SECOND = 1000;
const JOBS = 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The service on a Sentinel group (1 master, 1 replica, 3 sentinels): the master is SIGKILLed and the replica takes over. */
describe('Redis through Sentinel', () => {
  let group: SentinelGroup;
  let yahoo: FakeYahoo;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const runIds = async (id: string) => ((await http().get(`/scheduler/jobs/${id}/runs?limit=100`).expect(200)).body as RunRecord[]).map((run) => run.run_id);
  const bars = async () => (await http().get('/market-data/AAPL?from=1990-01-01&to=2030-01-01').expect(200)).body.length as number;

  beforeAll(async () => {
    group = await startSentinelGroup();
    yahoo = await startFakeYahoo();
    const env = { REDIS_SENTINELS: group.sentinels, REDIS_SENTINEL_NAME: group.name, KEY_PREFIX: 'test:sentinel:', SCHEDULER_LEASE_TTL_MS: '3000', SCHEDULER_RECONCILE_MS: '500' };
    t = await createTestApp({ store: 'memory', yahooUrl: yahoo.url, env });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await yahoo?.close();
    await group?.stop();
  });

  it('goes on after the master dies: nothing written before is lost, and the API answers 503 only during the failover', async () => {
    expect((await http().get('/scheduler/status').expect(200)).body.store).toBe('redis');
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) ids.push((await http().post('/scheduler/jobs').send({ name: `every second ${i}`, stock_ids: ['AAPL'], cron: '* * * * * *' }).expect(201)).body.job_id);
    await sleep(4 * SECOND);
    const runsBefore = new Map<string, string[]>();
    for (const id of ids) runsBefore.set(id, await runIds(id));
    const barsBefore = await bars();
    expect(barsBefore).toBeGreaterThan(0);
    // Replication is asynchronous: what was written a moment ago has reached the replica on loopback.
    await sleep(300);

    const answers: { at: number; status: number }[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const { status } = await http().get('/scheduler/jobs?limit=1');
        answers.push({ at: Date.now(), status });
        await sleep(100);
      }
    })();
    await group.master.stop('SIGKILL');
    const killedAt = Date.now();
    await eventually(async () => ((await group.masterPort()) === group.replica.port ? true : undefined), 15 * SECOND, 'the sentinels to promote the replica');
    const recoveredAt = await eventually(async () => answers.find((answer) => answer.at > killedAt && answer.status === 200)?.at, 15 * SECOND, 'the API to answer again');
    await sleep(4 * SECOND);
    probing = false;
    await probe;

    expect(answers.every((answer) => answer.status === 200 || answer.status === 503)).toBe(true);
    expect(answers.filter((answer) => answer.status === 503 && answer.at > recoveredAt)).toEqual([]);
    expect(answers.some((answer) => answer.status === 503 && answer.at < killedAt)).toBe(false);

    const listed: { job_id: string }[] = (await http().get('/scheduler/jobs').expect(200)).body;
    expect(listed.map((job) => job.job_id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const after = await runIds(id);
      for (const runId of runsBefore.get(id)!) expect(after).toContain(runId);
      const runs = (await http().get(`/scheduler/jobs/${id}/runs?limit=100`).expect(200)).body as RunRecord[];
      expect(runs.some((run) => Date.parse(run.scheduled_for!) > recoveredAt && run.status === 'success')).toBe(true);
    }
    expect(await bars()).toBeGreaterThanOrEqual(barsBefore);

    // A run cut off by the failover is not left running: its lease runs out and it is recorded.
    await http().post('/scheduler/stop').expect(200);
    await eventually(async () => {
      const jobs = await Promise.all(ids.map(async (id) => (await http().get(`/scheduler/jobs/${id}/status`).expect(200)).body.status as string));
      return jobs.every((status) => status !== 'running') ? true : undefined;
    }, 10 * SECOND, 'no job left running');
  }, 90_000);
});

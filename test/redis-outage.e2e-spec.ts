import request from 'supertest';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { startRedis, type RedisProcess } from './support/redis-process.mjs';
import { createTestApp, eventually, type TestApp } from './support/test-app.js';

/** A real redis-server of the test's own, stopped and started again under the running app. */
describe('Redis outage', () => {
  let yahoo: FakeYahoo;
  let redis: RedisProcess;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const runCount = async (id: string) => (await http().get(`/scheduler/jobs/${id}/runs?limit=100`).expect(200)).body.length as number;

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    redis = await startRedis({ persistent: true });
    t = await createTestApp({ store: 'redis', yahooUrl: yahoo.url, redisUrl: redis.url });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await yahoo.close();
  });

  it('answers 503 quickly while Redis is down, keeps its timers, and recovers by itself', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'through the outage', stock_ids: ['AAPL'], cron: '* * * * * *' }).expect(201)).body.job_id;
    await eventually(async () => ((await runCount(id)) > 0 ? true : undefined), 5000, 'a first run');

    await redis.stop();
    const started = Date.now();
    const down = await http().get('/scheduler/jobs').expect(503);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(down.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining('Redis') });
    await http().post('/scheduler/jobs').send({ name: 'during', stock_ids: ['MSFT'] }).expect(503);
    await http().get(`/market-data/AAPL`).expect(503);
    const health = await http().get('/health').expect(503);
    expect(health.body).toMatchObject({ status: 'unhealthy', issues: [expect.stringContaining('store unreachable')] });

    // Fires keep coming and fail to claim; the process must survive them.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    redis = await startRedis({ port: redis.port, dir: redis.dir, persistent: true });
    const jobs = await eventually(async () => {
      const res = await http().get('/scheduler/jobs');
      return res.status === 200 ? res.body : undefined;
    }, 10_000, 'the API back');
    expect(jobs.map((job: { job_id: string }) => job.job_id)).toEqual([id]);
    const before = await runCount(id);
    await eventually(async () => ((await runCount(id)) > before ? true : undefined), 5000, 'a run after the outage');
    expect((await http().get('/health').expect(200)).body.status).toBe('healthy');
  }, 40_000);
});

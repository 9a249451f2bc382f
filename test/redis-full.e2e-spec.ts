import request from 'supertest';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { metricSample } from './support/metric-sample.js';
import { startRedis, type RedisProcess } from './support/redis-process.mjs';
import { createTestApp, eventually, type TestApp } from './support/test-app.js';

/** A real redis-server of the test's own whose maxmemory is reached (noeviction, the default). */
describe('Redis out of memory', () => {
  let yahoo: FakeYahoo;
  let redis: RedisProcess;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  const lostFires = async () => metricSample((await http().get('/metrics').expect(200)).text, 'scheduler_fires_lost_total')!;

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    redis = await startRedis();
    t = await createTestApp({ store: 'redis', yahooUrl: yahoo.url, redisUrl: redis.url, env: { SCHEDULER_RECONCILE_MS: '300' } });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
    await yahoo.close();
  });

  it('refuses writes with 503, still deletes, says so in /health, counts lost fires and moves on after', async () => {
    // Fires once a minute, two seconds from now: that fire falls inside the outage.
    const second = (new Date().getUTCSeconds() + 2) % 60;
    const cron = `${second} * * * * *`;
    const id = (await http().post('/scheduler/jobs').send({ name: 'full', stock_ids: ['AAPL'], cron, timezone: 'UTC' }).expect(201)).body.job_id;
    const other = (await http().post('/scheduler/jobs').send({ name: 'to free', stock_ids: ['MSFT'] }).expect(201)).body.job_id;
    const firstDue = Date.parse((await http().get(`/scheduler/jobs/${id}`).expect(200)).body.next_run);
    const lostBefore = await lostFires();

    await t.redis!.config('SET', 'maxmemory', '1');
    const refused = await http().post('/scheduler/jobs').send({ name: 'no room', stock_ids: ['IBM'] }).expect(503);
    expect(refused.body.message).toMatch(/out of memory/i);
    // Reads go on (the bar reads' MULTI holds no write).
    await http().get('/market-data/AAPL').expect(200);
    const health = (await http().get('/health').expect(200)).body;
    expect(health).toMatchObject({ status: 'degraded', issues: [expect.stringContaining('store out of memory')] });
    await http().delete(`/scheduler/jobs/${other}`).expect(200);
    await http().get(`/scheduler/jobs/${other}`).expect(404);
    // Its audit trail gets its expiry even so (and, the script having written, the entry too).
    expect(await t.redis!.pttl(`${t.keyPrefix}scheduler:audit:${other}`)).toBeGreaterThan(0);
    expect((await http().get(`/scheduler/jobs/${other}/audit`).expect(200)).body[0]).toMatchObject({ action: 'delete' });

    await eventually(async () => ((await lostFires()) > lostBefore ? true : undefined), 5000, 'the fire to be lost');
    await t.redis!.config('SET', 'maxmemory', '0');
    // The next reconcile gives the job its next fire, a minute after the lost one.
    const job = await eventually(async () => {
      const read = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
      return Date.parse(read.next_run) > firstDue ? read : undefined;
    }, 3000, 'next_run to move on');
    expect(Date.parse(job.next_run) - firstDue).toBe(60_000);
    expect((await http().get('/health').expect(200)).body.status).toBe('healthy');
  }, 20_000);
});

import request from 'supertest';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, keysUnder, type TestApp } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 86_400_000;

describe('nothing outlives its job (redis store)', () => {
  let yahoo: FakeYahoo;
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  // The bars fetched are the user's data, shared by every job on the symbol: they stay.
  const jobKeys = async () =>
    (await keysUnder(t.redis!, `${t.keyPrefix}scheduler:`)).map((key) => key.slice(t.keyPrefix.length));

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    t = await createTestApp({ store: 'redis', yahooUrl: yahoo.url, env: { AUDIT_RETENTION_DAYS: '7' } });
  });
  afterAll(async () => {
    await t.close();
    await yahoo.close();
  });

  it('leaves only an expiring audit trail of jobs deleted while they fire every second', async () => {
    const create = () => http().post('/scheduler/jobs').send({ name: 'churn', stock_ids: ['AAPL'], interval_seconds: 1 }).expect(201);
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      const created = await Promise.all(Array.from({ length: 20 }, create));
      ids.push(...created.map((res) => res.body.job_id as string));
      // Deletes spread over a second race the fires of that second.
      await Promise.all(created.map(async (res, i) => {
        await sleep(i * 50);
        await http().delete(`/scheduler/jobs/${res.body.job_id}`).expect(200);
      }));
    }
    await sleep(1500);
    const left = await jobKeys();
    expect(left.filter((key) => !key.startsWith('scheduler:audit:'))).toEqual([]);
    expect(left).toHaveLength(ids.length);
    for (const id of ids.slice(0, 5)) {
      const ttl = await t.redis!.pttl(`${t.keyPrefix}scheduler:audit:${id}`);
      expect(ttl).toBeGreaterThan(7 * DAY_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(7 * DAY_MS);
    }
    await http().get(`/scheduler/jobs/${ids[0]}/audit`).expect(200);
  }, 30_000);

  it('writes no claim for a job that is gone from a Redis that came back empty', async () => {
    await http().post('/scheduler/jobs').send({ name: 'lost', stock_ids: ['AAPL'], interval_seconds: 1 }).expect(201);
    await sleep(1200);
    const all = await keysUnder(t.redis!, t.keyPrefix);
    await t.redis!.del(...all);
    // The CronJob still fires until the next reconcile (15 s away): none of its fires may write.
    await sleep(2500);
    expect(await jobKeys()).toEqual([]);
  }, 10_000);
});

import { useE2eApp } from './support/e2e-context.js';
import { eventually, keysUnder } from './support/test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY_MS = 86_400_000;

describe('nothing outlives its job (redis store)', () => {
  const ctx = useE2eApp('redis', { env: { AUDIT_RETENTION_DAYS: '7' } });
  const { http } = ctx;
  // The bars fetched are the user's data, shared by every job on the symbol: they stay. So do the
  // event stream and the replicas' heartbeats, bounded keys of the whole scheduler.
  const SCHEDULER_WIDE = ['scheduler:events', 'scheduler:replicas', 'scheduler:replica-info'];
  const jobKeys = async () =>
    (await keysUnder(ctx.t.redis!, `${ctx.t.keyPrefix}scheduler:`)).map((key) => key.slice(ctx.t.keyPrefix.length)).filter((key) => !SCHEDULER_WIDE.includes(key));

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
    // Runs that started before their delete still hold their lease until they end.
    const left = await eventually(async () => {
      const keys = await jobKeys();
      return keys.every((key) => key.startsWith('scheduler:audit:')) ? keys : undefined;
    }, 10_000, 'only audit trails to be left');
    expect(left).toHaveLength(ids.length);
    for (const id of ids.slice(0, 5)) {
      const ttl = await ctx.t.redis!.pttl(`${ctx.t.keyPrefix}scheduler:audit:${id}`);
      expect(ttl).toBeGreaterThan(7 * DAY_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(7 * DAY_MS);
    }
    await http().get(`/scheduler/jobs/${ids[0]}/audit`).expect(200);
  }, 30_000);

  it('writes no claim for a job that is gone from a Redis that came back empty', async () => {
    await http().post('/scheduler/jobs').send({ name: 'lost', stock_ids: ['AAPL'], interval_seconds: 1 }).expect(201);
    await sleep(1200);
    const all = await keysUnder(ctx.t.redis!, ctx.t.keyPrefix);
    await ctx.t.redis!.del(...all);
    // The CronJob still fires until the next reconcile (15 s away): none of its fires may write.
    await sleep(2500);
    expect(await jobKeys()).toEqual([]);
  }, 10_000);
});

import type { Redis } from 'ioredis';
import type { Bar } from '../../market-data/bar.js';
import { DAY_MS, makeBar, makeJob, makeRun, series, snapshotId, snapshotRecords, T0 } from '../contract/fixtures.js';
import { describeStoreContract, type StoreFixture } from '../store-contract.js';
import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../contract/redis-keyspace.js';
import { RedisAuditLog } from './redis-audit-log.js';
import { blockSpanMs, RedisBarStore } from './redis-bar-store.js';
import { RedisCoordinator } from './redis-coordinator.js';
import { RedisFollowUpQueue } from './redis-follow-up-queue.js';
import { RedisJobStore } from './redis-job-store.js';
import { RedisMembershipStore } from './redis-membership-store.js';

interface RedisFixture extends StoreFixture {
  client: Redis;
  prefix: string;
  keyspace: RedisKeyspace;
}

/** Stores under a prefix of their own, so parallel test files never see each other's keys. */
async function openStores(): Promise<RedisFixture> {
  const keyspace = await openRedisKeyspace();
  const { client, prefix } = keyspace;
  const coordinator = new RedisCoordinator(client);
  const membership = new RedisMembershipStore(client);
  return {
    client,
    prefix,
    keyspace,
    jobs: new RedisJobStore(client),
    bars: new RedisBarStore(client),
    coordinator,
    audit: new RedisAuditLog(client),
    followUps: new RedisFollowUpQueue(client),
    membership,
    passTime: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    cleanup: async () => {
      await coordinator.onApplicationShutdown();
      await membership.onApplicationShutdown();
      await keyspace.cleanup();
    },
  };
}

describeStoreContract('redis', openStores);

describe('Redis layout', () => {
  let stores: RedisFixture;
  beforeEach(async () => {
    stores = await openStores();
  });
  afterEach(() => stores.cleanup());

  it('stores jobs, index, runs, series and snapshots at the documented keys and types', async () => {
    const { jobs, bars, prefix, keyspace } = stores;
    const job = makeJob();
    await jobs.create(job);
    await jobs.patch(job.job_id, { stock_ids: ['MSFT'], interval_seconds: 3600, lookback_days: 30 });
    for (let n = 1; n <= 4; n++) await jobs.recordRun(makeRun(job.job_id, n), 2, {});
    await bars.upsert(series, [makeBar(1), makeBar(0)]);
    await bars.writeSnapshot(snapshotId, snapshotRecords, 3600);

    await keyspace.raw(async (raw) => {
      const jobKey = `${prefix}scheduler:job:${job.job_id}`;
      const runsKey = `${prefix}scheduler:runs:${job.job_id}`;
      const seriesKey = `${prefix}stock:AAPL:1d`;
      const snapshotKey = `${prefix}stock:AAPL:2025-01-01:2025-01-31`;
      expect(await keyspace.keys()).toEqual(
        [jobKey, `${prefix}scheduler:jobs`, runsKey, seriesKey, snapshotKey].sort(),
      );
      expect(await raw.exists(`scheduler:job:${job.job_id}`)).toBe(0);

      expect(await raw.type(jobKey)).toBe('string');
      const storedJson = (await raw.get(jobKey))!;
      expect(Object.keys(JSON.parse(storedJson)).sort()).toEqual(Object.keys(job).sort());
      expect(storedJson).toContain('"interval_seconds":3600');
      expect(storedJson).toContain('"lookback_days":30');
      expect(storedJson).toContain('"stock_ids":["MSFT"]');

      expect(await raw.type(`${prefix}scheduler:jobs`)).toBe('set');
      expect(await raw.smembers(`${prefix}scheduler:jobs`)).toEqual([job.job_id]);
      expect(await raw.type(runsKey)).toBe('list');
      expect((await raw.lrange(runsKey, 0, -1)).map((r) => JSON.parse(r).run_id)).toEqual(['run-4', 'run-3']);

      expect(await raw.type(seriesKey)).toBe('zset');
      // One member per block of 64 days, scored by its start: a line per bar, an empty adj_close is null.
      expect(await raw.zrangebyscore(seriesKey, '-inf', '+inf', 'WITHSCORES')).toEqual([
        '1735828200000,100,101.25,99.5,100.123456789,100,1000000\n1735914600000,101,102.25,100.5,101.123456789,,1000001',
        String(Date.UTC(2024, 10, 5)),
      ]);

      expect(JSON.parse((await raw.get(snapshotKey))!)).toEqual(snapshotRecords);
      const ttl = await raw.ttl(snapshotKey);
      expect(ttl).toBeGreaterThan(3590);
      expect(ttl).toBeLessThanOrEqual(3600);
    });
  });

  it('keeps a series in blocks and reads ranges across block edges', async () => {
    const { bars, client } = stores;
    const days = Array.from({ length: 300 }, (_, day) => makeBar(day));
    await bars.upsert(series, days);
    await bars.upsert(series, [makeBar(150, 500)]);
    days[150] = makeBar(150, 500);
    expect(await client.zcard('stock:AAPL:1d')).toBe(Math.ceil((days[299].time - Date.UTC(2024, 10, 5)) / blockSpanMs('1d')));
    expect(await bars.range(series)).toEqual(days);
    expect(await bars.last(series)).toEqual(days[299]);
    const edge = (Math.floor(T0 / blockSpanMs('1d')) + 1) * blockSpanMs('1d');
    const firstAfter = Math.ceil((edge - T0) / DAY_MS);
    const range = (from?: number, to?: number) => bars.range(series, from, to);
    expect(await range(T0 + (firstAfter - 1) * DAY_MS, T0 + firstAfter * DAY_MS)).toEqual(days.slice(firstAfter - 1, firstAfter + 1));
    expect(await range(edge, edge + DAY_MS)).toEqual([days[firstAfter]]);
    expect(await range(edge - 1, edge)).toEqual([]);
    expect(await range(T0 + 100 * DAY_MS + 1, T0 + 230 * DAY_MS)).toEqual(days.slice(101, 231));
  });

  it('reads a series stored one bar per member, and folds those bars into blocks on the next write', async () => {
    const { bars, client } = stores;
    const legacy = (bar: Bar) => [bar.time, JSON.stringify([bar.time, bar.open, bar.high, bar.low, bar.close, bar.adj_close, bar.volume])];
    await client.zadd('stock:AAPL:1d', ...[0, 1, 2, 100].flatMap((day) => legacy(makeBar(day))));
    expect(await bars.range(series)).toEqual([0, 1, 2, 100].map((day) => makeBar(day)));
    expect(await bars.range(series, T0 + DAY_MS, T0 + 2 * DAY_MS)).toEqual([makeBar(1), makeBar(2)]);
    expect(await bars.last(series)).toEqual(makeBar(100));
    await bars.upsert(series, [makeBar(2, 500), makeBar(3)]);
    expect(await bars.range(series)).toEqual([makeBar(0), makeBar(1), makeBar(2, 500), makeBar(3), makeBar(100)]);
    expect(await client.zcard('stock:AAPL:1d')).toBe(2); // days 0–3 in one block, day 100 untouched
  });

  it('lists 200 jobs in two commands, as many as for one job', async () => {
    const { jobs, client } = stores;
    await jobs.create(makeJob());
    expect(await commandsSentBy(client, () => jobs.list())).toEqual(['smembers', 'mget']);
    await Promise.all(Array.from({ length: 199 }, () => jobs.create(makeJob())));
    let listed: unknown[] = [];
    const sent = await commandsSentBy(client, async () => {
      listed = await jobs.list();
    });
    expect(sent).toEqual(['smembers', 'mget']);
    expect(listed).toHaveLength(200);
  });

  it('skips an indexed id whose job value is missing', async () => {
    const { jobs, client } = stores;
    const job = makeJob();
    await jobs.create(job);
    await client.sadd('scheduler:jobs', 'ghost');
    expect(await jobs.list()).toEqual([job]);
  });
});

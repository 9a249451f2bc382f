import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Bar } from '../../market-data/bar.js';
import { makeBar, makeJob, makeRun, series, snapshotId, snapshotRecords } from '../contract/fixtures.js';
import { describeStoreContract, type StoreFixture } from '../store-contract.js';
import { connectRedis, createRedisClient } from './create-redis-client.js';
import { RedisBarStore } from './redis-bar-store.js';
import { RedisCoordinator } from './redis-coordinator.js';
import { RedisJobStore } from './redis-job-store.js';

const url = process.env.TEST_REDIS_URL;
if (!url) throw new Error('TEST_REDIS_URL is unset: run through jest, whose global setup starts Redis');

interface RedisFixture extends StoreFixture {
  client: Redis;
  prefix: string;
}

async function connected(keyPrefix: string): Promise<Redis> {
  const client = createRedisClient(url!, keyPrefix);
  await connectRedis(client);
  return client;
}

/** Stores under a prefix of their own, so parallel test files never see each other's keys. */
async function openStores(): Promise<RedisFixture> {
  const prefix = `test:${randomUUID()}:`;
  const client = await connected(prefix);
  const coordinator = new RedisCoordinator(client);
  return {
    client,
    prefix,
    jobs: new RedisJobStore(client),
    bars: new RedisBarStore(client),
    coordinator,
    passTime: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    cleanup: async () => {
      await coordinator.onApplicationShutdown();
      await client.quit();
      await withRaw(async (raw) => {
        const found = await rawKeys(raw, prefix);
        if (found.length > 0) await raw.del(found);
      });
    },
  };
}

async function withRaw<T>(fn: (raw: Redis) => Promise<T>): Promise<T> {
  const raw = await connected('');
  try {
    return await fn(raw);
  } finally {
    await raw.quit();
  }
}

async function rawKeys(raw: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    found.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}

/** Names of the commands `client` sends while `fn` runs. */
async function commandsSentBy(client: Redis, fn: () => Promise<unknown>): Promise<string[]> {
  const names: string[] = [];
  const original = client.sendCommand;
  client.sendCommand = function (this: Redis, command, ...rest) {
    names.push(command.name);
    return original.call(this, command, ...rest);
  };
  try {
    await fn();
  } finally {
    client.sendCommand = original;
  }
  return names;
}

describeStoreContract('redis', openStores);

describe('Redis layout', () => {
  let stores: RedisFixture;
  beforeEach(async () => {
    stores = await openStores();
  });
  afterEach(() => stores.cleanup());

  it('stores jobs, index, runs, series and snapshots at the documented keys and types', async () => {
    const { jobs, bars, prefix } = stores;
    const job = makeJob();
    await jobs.create(job);
    await jobs.patch(job.job_id, { stock_ids: ['MSFT'], interval_seconds: 3600, lookback_days: 30 });
    for (let n = 1; n <= 4; n++) await jobs.appendRun(makeRun(job.job_id, n), 2);
    await bars.upsert(series, [makeBar(1), makeBar(0)]);
    await bars.writeSnapshot(snapshotId, snapshotRecords, 3600);

    await withRaw(async (raw) => {
      const jobKey = `${prefix}scheduler:job:${job.job_id}`;
      const runsKey = `${prefix}scheduler:runs:${job.job_id}`;
      const seriesKey = `${prefix}stock:AAPL:1d`;
      const snapshotKey = `${prefix}stock:AAPL:2025-01-01:2025-01-31`;
      expect(await rawKeys(raw, prefix)).toEqual(
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
      const memberAndScore = ({ time, open, high, low, close, adj_close, volume }: Bar) => [
        JSON.stringify([time, open, high, low, close, adj_close, volume]),
        String(time),
      ];
      expect(await raw.zrangebyscore(seriesKey, '-inf', '+inf', 'WITHSCORES')).toEqual([
        ...memberAndScore(makeBar(0)),
        ...memberAndScore(makeBar(1)),
      ]);

      expect(JSON.parse((await raw.get(snapshotKey))!)).toEqual(snapshotRecords);
      const ttl = await raw.ttl(snapshotKey);
      expect(ttl).toBeGreaterThan(3590);
      expect(ttl).toBeLessThanOrEqual(3600);
    });
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

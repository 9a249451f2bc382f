import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import type { Redis } from 'ioredis';
import type { BarStore } from '../bar-store.js';
import { makeBar, makeJob, makeRun, series, snapshotId, snapshotRecords } from '../contract/fixtures.js';
import type { JobStore } from '../job-store.js';
import { StoreUnavailableError } from '../store-errors.js';
import { connectRedis, createRedisClient } from './create-redis-client.js';
import { RedisBarStore } from './redis-bar-store.js';
import { RedisJobStore } from './redis-job-store.js';

const operations: Array<[string, (jobs: JobStore, bars: BarStore) => Promise<unknown>]> = [
  ['create', (jobs) => jobs.create(makeJob())],
  ['get', (jobs) => jobs.get('job-1')],
  ['list', (jobs) => jobs.list()],
  ['patch', (jobs) => jobs.patch('job-1', { status: 'running' })],
  ['delete', (jobs) => jobs.delete('job-1')],
  ['recordRun', (jobs) => jobs.recordRun(makeRun('job-1', 1), 5, { status: 'completed' })],
  ['listRuns', (jobs) => jobs.listRuns('job-1', 5)],
  ['ping', (jobs) => jobs.ping()],
  ['upsert', (_, bars) => bars.upsert(series, [makeBar(0)])],
  ['range', (_, bars) => bars.range(series)],
  ['last', (_, bars) => bars.last(series)],
  ['coverage', (_, bars) => bars.coverage(series)],
  ['upsert with coverage', (_, bars) => bars.upsert(series, [], { from: 0, through: 0 })],
  ['writeSnapshot', (_, bars) => bars.writeSnapshot(snapshotId, snapshotRecords, 60)],
  ['readSnapshot', (_, bars) => bars.readSnapshot(snapshotId)],
];

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Forwards to the test Redis until told to drop everything or to go silent mid-connection. */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => sockets.add(socket.on('error', () => {}).on('close', () => sockets.delete(socket)));
  const server = createServer((inbound) => {
    const outbound = connect(Number(target.port), target.hostname);
    track(inbound);
    track(outbound);
    inbound.pipe(outbound).pipe(inbound);
  });
  const port = await listen(server);
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => sockets.forEach((socket) => socket.pause()),
    stop: () => {
      server.close();
      sockets.forEach((socket) => socket.destroy());
    },
  };
}

/** Every store method must reject with StoreUnavailableError well before a caller would give up. */
async function expectAllUnavailableWithin(client: Redis, ms: number): Promise<void> {
  const jobs = new RedisJobStore(client);
  const bars = new RedisBarStore(client);
  await Promise.all(
    operations.map(async ([name, call]) => {
      const started = performance.now();
      const error: unknown = await call(jobs, bars).then(() => `${name} resolved`, (err: unknown) => err);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(/^Redis is unreachable: /);
      expect(performance.now() - started).toBeLessThan(ms);
    }),
  );
}

describe('Redis stores without a reachable Redis', () => {
  let client: Redis | undefined;
  const open = (url: string) => {
    client = createRedisClient(url, 'test:unreachable:');
    // ioredis reports every failed reconnect as an 'error' event; the rejections are what is tested.
    client.on('error', () => {});
    return client;
  };
  afterEach(() => client?.disconnect());

  it('fails to connect with a StoreUnavailableError that names the target but not the password', async () => {
    const port = await closedPort();
    const error: unknown = await connectRedis(open(`redis://app:s3cret@127.0.0.1:${port}/2`)).catch((err) => err);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(`Cannot connect to Redis at redis://app:***@127.0.0.1:${port}/2`);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('rejects every method fast when never connected', async () => {
    await expectAllUnavailableWithin(open(`redis://127.0.0.1:${await closedPort()}`), 1500);
  });

  it('rejects every method fast after a failed connect, while reconnecting', async () => {
    const redis = open(`redis://127.0.0.1:${await closedPort()}`);
    await expect(connectRedis(redis)).rejects.toThrow(StoreUnavailableError);
    await expectAllUnavailableWithin(redis, 1500);
  });

  describe('through a proxy to the test Redis', () => {
    let proxy: Awaited<ReturnType<typeof startProxy>>;
    beforeEach(async () => {
      const url = process.env.TEST_REDIS_URL;
      if (!url) throw new Error('TEST_REDIS_URL is unset: run through jest, whose global setup starts Redis');
      proxy = await startProxy(new URL(url));
    });
    afterEach(() => proxy.stop());

    it('rejects every method fast once Redis goes away', async () => {
      const redis = open(proxy.url);
      await connectRedis(redis);
      await new RedisJobStore(redis).ping();
      proxy.stop();
      await expectAllUnavailableWithin(redis, 1500);
    });

    it('times out every method when Redis stops answering', async () => {
      const redis = open(proxy.url);
      await connectRedis(redis);
      await new RedisJobStore(redis).ping();
      proxy.freeze();
      await expectAllUnavailableWithin(redis, 1500);
    });
  });
});

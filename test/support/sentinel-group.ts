import { Redis } from 'ioredis';
import { startRedis, type RedisProcess } from './redis-process.mjs';

/** A master, its replica and three sentinels watching them, on free loopback ports. */
export interface SentinelGroup {
  readonly name: string;
  /** `host:port,…` of the sentinels, as REDIS_SENTINELS takes it. */
  readonly sentinels: string;
  readonly master: RedisProcess;
  readonly replica: RedisProcess;
  /** The port of the master the sentinels name now. */
  masterPort(): Promise<number>;
  stop(): Promise<void>;
}

const NAME = 'scheduler';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`sentinel group: timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Starts the group and waits until every sentinel knows the replica and the two other sentinels (so that a failover can be agreed). */
export async function startSentinelGroup(): Promise<SentinelGroup> {
  const master = await startRedis();
  const replica = await startRedis({ args: ['--replicaof', '127.0.0.1', String(master.port)] });
  const config = [
    `sentinel monitor ${NAME} 127.0.0.1 ${master.port} 2`,
    `sentinel down-after-milliseconds ${NAME} 1000`,
    `sentinel failover-timeout ${NAME} 5000`,
    `sentinel parallel-syncs ${NAME} 1`,
    '',
  ].join('\n');
  const sentinels = [await startRedis({ sentinel: config }), await startRedis({ sentinel: config }), await startRedis({ sentinel: config })];
  const clients = sentinels.map((sentinel) => new Redis(sentinel.port, '127.0.0.1', { lazyConnect: false }));
  const replicaClient = new Redis(replica.port, '127.0.0.1');
  try {
    await until('the replica to sync', async () => (await replicaClient.info('replication')).includes('master_link_status:up'));
    for (const client of clients) {
      await until('each sentinel to see the replica and the other sentinels', async () => {
        const replicas = (await client.call('SENTINEL', 'REPLICAS', NAME)) as unknown[];
        const others = (await client.call('SENTINEL', 'SENTINELS', NAME)) as unknown[];
        return replicas.length === 1 && others.length === 2;
      });
    }
  } finally {
    replicaClient.disconnect();
  }
  return {
    name: NAME,
    sentinels: sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(','),
    master,
    replica,
    async masterPort() {
      const [, port] = (await clients[0]!.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', NAME)) as [string, string];
      return Number(port);
    },
    async stop() {
      for (const client of clients) client.disconnect();
      for (const process of [...sentinels, replica, master]) await process.stop();
    },
  };
}

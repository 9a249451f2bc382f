import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { connectRedis, createRedisClient } from '../redis/create-redis-client.js';

/** A client of the test Redis whose keys all lie under a prefix of its own. */
export interface RedisKeyspace {
  client: Redis;
  /** The KEY_PREFIX of `client`, e.g. `test:{uuid}:`. */
  prefix: string;
  /** Every key under the prefix (prefix included), sorted. */
  keys(): Promise<string[]>;
  /** A client without the prefix, for reading the layout as stored; closed after `fn`. */
  raw<T>(fn: (raw: Redis) => Promise<T>): Promise<T>;
  /** Closes the client and deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is unset: run through jest, whose global setup starts Redis');
  return url;
}

async function connected(keyPrefix: string): Promise<Redis> {
  const client = createRedisClient(testRedisUrl(), keyPrefix);
  await connectRedis(client);
  return client;
}

/** Opens a keyspace of its own, so parallel test files never see each other's keys. */
export async function openRedisKeyspace(): Promise<RedisKeyspace> {
  const prefix = `test:${randomUUID()}:`;
  const client = await connected(prefix);
  const raw = async <T>(fn: (raw: Redis) => Promise<T>): Promise<T> => {
    const rawClient = await connected('');
    try {
      return await fn(rawClient);
    } finally {
      await rawClient.quit();
    }
  };
  const keys = () => raw((rawClient) => keysUnder(rawClient, prefix));
  return {
    client,
    prefix,
    keys,
    raw,
    cleanup: async () => {
      await client.quit();
      const found = await keys();
      if (found.length > 0) await raw((rawClient) => rawClient.del(found));
    },
  };
}

async function keysUnder(raw: Redis, prefix: string): Promise<string[]> {
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
export async function commandsSentBy(client: Redis, fn: () => Promise<unknown>): Promise<string[]> {
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

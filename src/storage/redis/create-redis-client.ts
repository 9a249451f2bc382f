import { Logger } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisSentinelOptions } from '../../scheduler/scheduler-options.js';
import { StoreUnavailableError } from '../store-errors.js';

/**
 * Creates a client that does not connect until {@link connectRedis}; every key gets `keyPrefix`.
 * `target` is a redis:// URL, or a Sentinel group that names the master (asked again after a failover).
 */
export function createRedisClient(target: string | RedisSentinelOptions, keyPrefix: string): Redis {
  // While Redis is down, API calls must fail fast (503) rather than queue and hang, so there is no
  // offline queue and every command times out; the connection itself keeps retrying in the background.
  const options: RedisOptions = {
    keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1000,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    // Jobs on one schedule fire in the same tick: their commands leave in one write, not one each.
    enableAutoPipelining: true,
  };
  const client =
    typeof target === 'string'
      ? new Redis(target, options)
      : new Redis({
          ...options,
          ...target,
          sentinelRetryStrategy: (times) => Math.min(times * 200, 2000),
        });
  logConnectionChanges(client);
  return client;
}

/** One line when the connection breaks and one when it is back, not one per reconnect attempt. */
function logConnectionChanges(client: Redis): void {
  const logger = new Logger('Redis');
  let lastError: string | null = null;
  client.on('error', (error: Error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn(`Redis connection error: ${error.message}`);
  });
  client.on('ready', () => {
    if (lastError !== null) logger.log('Redis connection restored');
    lastError = null;
  });
}

/**
 * Opens the connection. On failure throws {@link StoreUnavailableError} naming the target with any
 * password redacted; the client keeps reconnecting in the background.
 */
export async function connectRedis(client: Redis): Promise<void> {
  try {
    await client.connect();
  } catch (err) {
    client.disconnect();
    const reason = err instanceof Error ? err.message : String(err);
    throw new StoreUnavailableError(`Cannot connect to Redis at ${describeTarget(client)}: ${reason}`, {
      cause: err,
    });
  }
}

/**
 * A second connection of `client` for one job (a subscription, the heartbeat) that no reply on the
 * shared one may hold up; it queues while it connects and keeps reconnecting, its errors are the
 * shared client's to log.
 */
export function secondConnection(client: Redis): Redis {
  const connection = client.duplicate({ enableOfflineQueue: true, lazyConnect: false });
  connection.on('error', () => undefined);
  return connection;
}

/**
 * Quits (replies to the commands sent first), then drops whatever is left: a quit that fails (Redis
 * down) would leave the client reconnecting and the process alive, and so would connections that
 * outlive a quit (redis/ioredis#1362, Sentinel's failover detector).
 */
export async function closeRedis(client: Redis): Promise<void> {
  await client.quit().catch(() => undefined);
  client.disconnect();
}

/** Where the client connects, with any password redacted. */
export function describeTarget(client: Redis): string {
  const { host, port, db, username, password, path, tls, sentinels, name } = client.options;
  if (sentinels?.length) return `master "${name}" of the sentinels ${sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`;
  if (path) return `unix:${path}`;
  const auth = password ? `${username ?? ''}:***@` : username ? `${username}@` : '';
  return `${tls ? 'rediss' : 'redis'}://${auth}${host}:${port}/${db ?? 0}`;
}

import type { OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { closeRedis, secondConnection } from './create-redis-client.js';
import { keys } from '../keys.js';
import type { MembershipStore, ReplicaInfo } from '../membership-store.js';
import { redisCall, redisTransaction } from './redis-call.js';
import { defineScript } from './redis-script.js';

// Prunes the replicas whose beat ran out, by Redis's own clock, then stores this one's and answers
// every live one's info. KEYS: expiries (ZSET), infos (HASH); ARGV: id, ttl, info JSON.
const HEARTBEAT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
return redis.call('HMGET', KEYS[2], unpack(redis.call('ZRANGE', KEYS[1], 0, -1)))
`;

/**
 * {@link MembershipStore} on Redis: a ZSET of replica ids by when their beat runs out, and a hash of
 * their infos. It beats on a connection of its own: on the shared one a beat waits behind every
 * reply before it (100,000 jobs read at boot), past its timeout, and the others take the replica
 * for gone.
 */
export class RedisMembershipStore implements MembershipStore, OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly beat;

  constructor(client: Redis) {
    this.connection = secondConnection(client);
    this.beat = defineScript<(string | null)[]>(this.connection, 'heartbeat', HEARTBEAT);
  }

  async heartbeat(self: ReplicaInfo, ttlMs: number): Promise<ReplicaInfo[]> {
    const raws = await redisCall(() => this.beat([keys.replicas, keys.replicaInfo], [self.id, ttlMs, JSON.stringify(self)]));
    return raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as ReplicaInfo);
  }

  async leave(id: string): Promise<void> {
    await redisTransaction(this.connection.multi().zrem(keys.replicas, id).hdel(keys.replicaInfo, id));
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.connection);
  }
}

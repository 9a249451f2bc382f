import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ClaimOutcome, Coordinator, JobChange, OccurrenceClaim } from '../coordinator.js';
import { keys } from '../keys.js';
import { redisCall } from './redis-call.js';
import { closeRedis, secondConnection } from './create-redis-client.js';
import { defineScript } from './redis-script.js';

// Compare-and-set per claim key, so that of all replicas firing one occurrence exactly one wins,
// and an occurrence at or before the last claimed one never runs again; the winner takes the lease
// in the same step when it asks (owner not empty). One call claims a batch. The winner's path is
// one SET … GET (the loser puts the value back): a batch of a thousand keeps Redis busy ~1/3 less.
// A job deleted meanwhile (a fire racing its delete) gets no claim key: nothing outlives its job.
// KEYS: claim, lease, job per claim; ARGV: occurrence, owner, ttl per claim.
// Replies 0 lost, 1 claimed, 2 leased, 3 gone.
const CLAIM = `
local outcome = {}
for i = 1, #KEYS / 3 do
  local occurrence, owner = ARGV[3 * i - 2], ARGV[3 * i - 1]
  if redis.call('EXISTS', KEYS[3 * i]) == 0 then
    outcome[i] = 3
  else
    local last = redis.call('SET', KEYS[3 * i - 2], occurrence, 'GET')
    if last and tonumber(last) >= tonumber(occurrence) then
      redis.call('SET', KEYS[3 * i - 2], last)
      outcome[i] = 0
    else
      outcome[i] = 1
      if owner ~= '' and redis.call('SET', KEYS[3 * i - 1], owner, 'PX', ARGV[3 * i], 'NX') then outcome[i] = 2 end
    end
  end
end
return outcome
`;
const OUTCOMES: readonly ClaimOutcome[] = ['lost', 'claimed', 'leased', 'gone'];
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[1], ARGV[2])
`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** {@link Coordinator} on Redis: a CAS claim key and a PX lease per job, pub/sub for changes. */
export class RedisCoordinator implements Coordinator, OnApplicationShutdown {
  private readonly logger = new Logger(RedisCoordinator.name);
  private subscriber: Redis | null = null;
  private readonly claim;
  private readonly renew;
  private readonly release;

  constructor(private readonly client: Redis) {
    this.claim = defineScript<number[]>(client, 'claim', CLAIM);
    this.renew = defineScript<number>(client, 'renew', RENEW);
    this.release = defineScript<number>(client, 'release', RELEASE);
  }

  private get channel(): string {
    return `${this.client.options.keyPrefix ?? ''}${keys.changes}`;
  }

  async claimOccurrences(claims: readonly OccurrenceClaim[]): Promise<ClaimOutcome[]> {
    if (claims.length === 0) return [];
    const claimKeys = claims.flatMap(({ jobId }) => [keys.claim(jobId), keys.lease(jobId), keys.job(jobId)]);
    const args = claims.flatMap(({ occurrenceMs, lease }) => [occurrenceMs, lease?.owner ?? '', lease?.ttlMs ?? 0]);
    const outcomes = await redisCall(() => this.claim(claimKeys, args));
    return outcomes.map((code) => OUTCOMES[code]!);
  }

  async acquireLease(jobId: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await redisCall(() => this.client.set(keys.lease(jobId), owner, 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async renewLease(jobId: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await redisCall(() => this.renew([keys.lease(jobId)], [owner, ttlMs]))) === 1;
  }

  async releaseLease(jobId: string, owner: string): Promise<void> {
    await redisCall(() => this.release([keys.lease(jobId)], [owner]));
  }

  async isLeased(jobId: string): Promise<boolean> {
    return (await redisCall(() => this.client.exists(keys.lease(jobId)))) === 1;
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await redisCall(() => this.client.set(key, '1', 'PX', ttlMs, 'NX'))) === 'OK';
  }

  async publish(change: JobChange): Promise<void> {
    await redisCall(() => this.client.publish(this.channel, JSON.stringify(change)));
  }

  async subscribe(handler: (change: JobChange) => void): Promise<void> {
    // A subscribed connection can do nothing else, so it is a second one; it queues while offline
    // and resubscribes by itself after a reconnect (the periodic reconcile covers the gap).
    this.subscriber ??= secondConnection(this.client);
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      try {
        handler(JSON.parse(message) as JobChange);
      } catch (error) {
        this.logger.warn(`ignored a malformed change message: ${String(error)}`);
      }
    });
    await redisCall(() => this.subscriber!.subscribe(this.channel));
  }

  async isPaused(): Promise<boolean> {
    return (await redisCall(() => this.client.get(keys.paused))) === '1';
  }

  async setPaused(paused: boolean): Promise<void> {
    await redisCall<unknown>(() => (paused ? this.client.set(keys.paused, '1') : this.client.del(keys.paused)));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
    this.subscriber = null;
  }
}

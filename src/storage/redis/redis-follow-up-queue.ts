import type { Redis } from 'ioredis';
import type { FollowUp, FollowUpQueue } from '../follow-up-queue.js';
import { keys } from '../keys.js';
import { redisCall, redisTransaction } from './redis-call.js';
import { CLAIM_DUE } from './claim-due.script.js';
import { defineScript } from './redis-script.js';

// KEYS: queue, entry; ARGV: due, id, body.
const ADD = `
if redis.call('SET', KEYS[2], ARGV[3], 'NX') then redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) end
`;

/** {@link FollowUpQueue} on Redis: a JSON key per entry and one ZSET of ids by due time (written by the job store's record script too). */
export class RedisFollowUpQueue implements FollowUpQueue {
  private readonly claim;
  private readonly addScript;

  constructor(private readonly client: Redis) {
    this.claim = defineScript<string[]>(client, 'claimDue', CLAIM_DUE);
    this.addScript = defineScript<null>(client, 'addFollowUp', ADD);
  }

  async add(entry: FollowUp, dueMs: number): Promise<void> {
    await redisCall(() => this.addScript([keys.followUps, keys.followUp(entry.id)], [dueMs, entry.id, entry.body]));
  }

  async claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<FollowUp[]> {
    const prefix = `${this.client.options.keyPrefix ?? ''}${keys.followUp('')}`;
    const flat = await redisCall(() => this.claim([keys.followUps], [nowMs, nowMs + visibilityMs, limit, prefix]));
    const entries: FollowUp[] = [];
    for (let i = 0; i < flat.length; i += 2) entries.push({ id: flat[i]!, body: flat[i + 1]! });
    return entries;
  }

  async nextDueMs(): Promise<number | null> {
    const [, score] = await redisCall(() => this.client.zrange(keys.followUps, '0', '0', 'WITHSCORES'));
    return score === undefined ? null : Number(score);
  }

  async complete(id: string): Promise<void> {
    await redisTransaction(this.client.multi().zrem(keys.followUps, id).del(keys.followUp(id)));
  }
}

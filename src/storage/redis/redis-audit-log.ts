import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../audit-log.js';
import { keys } from '../keys.js';
import { redisCall } from './redis-call.js';
import { defineScript } from './redis-script.js';

// LPUSH + LTRIM (+ PEXPIRE) as one script: atomic like a MULTI, but it leaves in the client's
// automatic pipeline with everything else, where a MULTI costs a socket write of its own. The
// expiry comes first: out of memory, Redis refuses a script's first write only if it could grow
// memory, so the trail gets its expiry, and a script that has written may finish (the push).
// ARGV: entry, keep, expiry in ms or ''.
const PUSH_CAPPED = `
local ttl = tonumber(ARGV[3])
if ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
if ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
`;

/** {@link AuditLog} on Redis: a capped LIST per job at `scheduler:audit:{job_id}`, newest first. */
export class RedisAuditLog implements AuditLog {
  private readonly push;

  constructor(private readonly client: Redis) {
    this.push = defineScript<null>(client, 'pushCapped', PUSH_CAPPED);
  }

  async append(entry: AuditEntry, keep: number, expireAfterMs?: number): Promise<void> {
    await redisCall(() => this.push([keys.audit(entry.job_id)], [JSON.stringify(entry), keep, expireAfterMs ?? '']));
  }

  async list(jobId: string, limit: number): Promise<AuditEntry[]> {
    if (limit < 1) return [];
    const raws = await redisCall(() => this.client.lrange(keys.audit(jobId), 0, limit - 1));
    return raws.map((raw) => JSON.parse(raw) as AuditEntry);
  }
}

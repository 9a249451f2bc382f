import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../audit-log.js';
import { keys } from '../keys.js';
import { redisCall, redisTransaction } from './redis-call.js';

/** {@link AuditLog} on Redis: a capped LIST per job at `scheduler:audit:{job_id}`, newest first. */
export class RedisAuditLog implements AuditLog {
  constructor(private readonly client: Redis) {}

  async append(entry: AuditEntry, keep: number): Promise<void> {
    const key = keys.audit(entry.job_id);
    await redisTransaction(this.client.multi().lpush(key, JSON.stringify(entry)).ltrim(key, 0, keep - 1));
  }

  async list(jobId: string, limit: number): Promise<AuditEntry[]> {
    if (limit < 1) return [];
    const raws = await redisCall(() => this.client.lrange(keys.audit(jobId), 0, limit - 1));
    return raws.map((raw) => JSON.parse(raw) as AuditEntry);
  }
}

import type { Redis } from 'ioredis';
import type { AuditEntry, AuditLog } from '../audit-log.js';
import { keys } from '../keys.js';
import { redisCall } from './redis-call.js';
import { cappedListPush } from './redis-capped-list.js';

/** {@link AuditLog} on Redis: a capped LIST per job at `scheduler:audit:{job_id}`, newest first. */
export class RedisAuditLog implements AuditLog {
  private readonly push;

  constructor(private readonly client: Redis) {
    this.push = cappedListPush(client);
  }

  async append(entry: AuditEntry, keep: number): Promise<void> {
    await this.push(keys.audit(entry.job_id), JSON.stringify(entry), keep);
  }

  async list(jobId: string, limit: number): Promise<AuditEntry[]> {
    if (limit < 1) return [];
    const raws = await redisCall(() => this.client.lrange(keys.audit(jobId), 0, limit - 1));
    return raws.map((raw) => JSON.parse(raw) as AuditEntry);
  }
}

import type { AuditEntry, AuditLog } from '../audit-log.js';

interface Trail {
  entries: AuditEntry[];
  expiresAt: number;
}

/** In-process {@link AuditLog}. */
export class MemoryAuditLog implements AuditLog {
  private readonly trails = new Map<string, Trail>();

  constructor(private readonly now: () => number = Date.now) {}

  async append(entry: AuditEntry, keep: number, expireAfterMs?: number): Promise<void> {
    const entries = [structuredClone(entry), ...(this.trail(entry.job_id)?.entries ?? [])].slice(0, keep);
    const expiresAt = expireAfterMs === undefined ? (this.trail(entry.job_id)?.expiresAt ?? Infinity) : this.now() + expireAfterMs;
    this.trails.set(entry.job_id, { entries, expiresAt });
  }

  async list(jobId: string, limit: number): Promise<AuditEntry[]> {
    return (this.trail(jobId)?.entries ?? []).slice(0, Math.max(limit, 0)).map((entry) => structuredClone(entry));
  }

  private trail(jobId: string): Trail | undefined {
    const trail = this.trails.get(jobId);
    if (trail && trail.expiresAt <= this.now()) this.trails.delete(jobId);
    return this.trails.get(jobId);
  }
}

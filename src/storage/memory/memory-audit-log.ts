import type { AuditEntry, AuditLog } from '../audit-log.js';

/** In-process {@link AuditLog}. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries = new Map<string, AuditEntry[]>();

  async append(entry: AuditEntry, keep: number): Promise<void> {
    this.entries.set(entry.job_id, [structuredClone(entry), ...(this.entries.get(entry.job_id) ?? [])].slice(0, keep));
  }

  async list(jobId: string, limit: number): Promise<AuditEntry[]> {
    return (this.entries.get(jobId) ?? []).slice(0, Math.max(limit, 0)).map((entry) => structuredClone(entry));
  }
}

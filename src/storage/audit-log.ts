/** One change to a job, as the audit trail keeps it (seed 004: "all changes are logged"). */
export interface AuditEntry {
  at: string;
  job_id: string;
  action: 'create' | 'update' | 'start' | 'stop' | 'delete';
  /** Who asked: the `X-Actor` header when the caller sends one, else the client address. */
  actor: string;
  /** Field → old and new value; for create every field set, for delete every field cleared. */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** The capped audit trail of each job, newest first; it outlives the job's deletion for a while. */
export interface AuditLog {
  /**
   * Prepends `entry`, keeping the newest `keep`. With `expireAfterMs` (the entry of a deletion),
   * the whole trail is removed that long after it; the expiry is set even when Redis is out of
   * memory, so a deleted job's trail never stays for good.
   */
  append(entry: AuditEntry, keep: number, expireAfterMs?: number): Promise<void>;
  list(jobId: string, limit: number): Promise<AuditEntry[]>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');

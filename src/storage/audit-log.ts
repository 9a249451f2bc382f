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

/** The capped audit trail of each job, newest first; it outlives the job's deletion. */
export interface AuditLog {
  append(entry: AuditEntry, keep: number): Promise<void>;
  list(jobId: string, limit: number): Promise<AuditEntry[]>;
}

export const AUDIT_LOG = Symbol('AUDIT_LOG');

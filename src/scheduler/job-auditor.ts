import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUDIT_LOG, type AuditEntry, type AuditLog } from '../storage/audit-log.js';
import type { ScheduledJob } from './job.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

/** The fields a user changes; the scheduler's own bookkeeping (status, last_run, …) is not audited. */
const AUDITED: (keyof ScheduledJob)[] = [
  'name', 'stock_ids', 'schedule_time', 'cron', 'interval_seconds', 'timezone', 'is_active', 'start_date', 'end_date',
  'prefix', 'data_interval', 'lookback_days', 'market_hours_only', 'write_snapshot', 'misfire_grace_seconds', 'priority',
  'notify_email', 'notify_on', 'run_after', 'run_after_on', 'retry', 'run_retry',
];
const KEEP = 200;

/** Keeps who changed which job, when, from what to what (seed 004's audit trail). */
@Injectable()
export class JobAuditor {
  private readonly logger = new Logger(JobAuditor.name);

  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  /** Records a change; an unchanged update records nothing. A failure is logged: the change itself stands. */
  async record(action: AuditEntry['action'], before: ScheduledJob | null, after: ScheduledJob | null, actor: string): Promise<void> {
    const job = (after ?? before)!;
    const changes: AuditEntry['changes'] = {};
    for (const field of AUDITED) {
      const from = before?.[field] ?? null;
      const to = after?.[field] ?? null;
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    }
    if (action === 'update' && Object.keys(changes).length === 0) return;
    const entry: AuditEntry = { at: isoInZone(Date.now(), job.timezone), job_id: job.job_id, action, actor, changes };
    this.logger.log(`job ${job.job_id}: ${action} by ${actor} (${Object.keys(changes).join(', ') || 'no field'})`, { job_id: job.job_id });
    // A deleted job's trail stays readable for the retention, then goes with the rest of the job.
    const expireAfterMs = action === 'delete' ? this.options.auditRetentionDays * 86_400_000 : undefined;
    await this.log.append(entry, KEEP, expireAfterMs).catch((error: unknown) => this.logger.error(`job ${job.job_id}: audit entry lost: ${String(error)}`));
  }

  list(jobId: string, limit: number): Promise<AuditEntry[]> {
    return this.log.list(jobId, limit);
  }
}

import { runSubjects } from '../datasets/dataset-rules.js';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { failureSummary } from './failure-summary.js';
import type { JobPatch, RunRecord, RunTrigger, ScheduledJob } from './job.js';
import { FollowUps } from './follow-ups/follow-ups.js';
import { JobRegistry, type RecordOptions } from './job-registry.js';
import { lastResultOf, newRunRecord } from './run-record.js';
import { isoInZone } from './time-format.js';

/** Which run a record is about. */
export interface RunRef {
  runId: string;
  trigger: RunTrigger;
  scheduledFor: Date | null;
  /** Symbols it had done, when known. */
  done?: number;
  /** The replica that ran it, when known. */
  replicaId?: string;
}

/**
 * Writes how a fire or a run ended: its run record and its job's state in one store call, its
 * metrics and its log line. Used by the executor, the scheduler and the reconciler alike.
 */
@Injectable()
export class RunRecorder {
  private readonly logger = new Logger(RunRecorder.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly metrics: SchedulerMetrics,
    private readonly followUps: FollowUps,
  ) {}

  /** A fire that did not run (the previous run still going here or elsewhere, the service shutting down), with `patch` to its job. */
  async skipped(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date | null, reason: string, patch: JobPatch): Promise<void> {
    const now = isoInZone(Date.now(), job.timezone);
    this.logger.warn(`job ${job.job_id}: fire skipped: ${reason}`, { job_id: job.job_id });
    const record: RunRecord = { ...newRunRecord(job, randomUUID(), trigger, scheduledFor, now), status: 'skipped', reason };
    this.metrics.recordRun(record);
    await this.record(job, record, patch);
  }

  /**
   * A run that will never end (crash, shutdown): failed, and the job failed (or paused if stopped).
   * With `onlyIfCurrent` (a run judged lost from outside) nothing is written if the run was
   * recorded meanwhile; answers whether the record was written.
   */
  async interrupted(job: ScheduledJob, run: RunRef, startTime: string, reason: string, options: RecordOptions = {}): Promise<boolean> {
    const end = Date.now();
    const record: RunRecord = {
      ...newRunRecord(job, run.runId, run.trigger, run.scheduledFor, startTime),
      status: 'failed',
      end_time: isoInZone(end, job.timezone),
      failed_stocks: [...runSubjects(job)],
      duration_ms: Math.max(0, end - Date.parse(startTime)),
      reason,
      progress: { done: run.done ?? 0, total: runSubjects(job).length },
      ...(run.replicaId && { replica_id: run.replicaId }),
    };
    const written = await this.record(job, record, { status: job.is_active ? 'failed' : 'paused', last_result: lastResultOf(record) }, options);
    if (!written) return false;
    this.logger.warn(`job ${job.job_id} run ${run.runId}: ${reason}`, { job_id: job.job_id, run_id: run.runId });
    this.metrics.recordRun(record);
    return true;
  }

  /** A run that ended: its record, and the job completed or failed (paused if stopped while it ran). */
  async finished(job: ScheduledJob, record: RunRecord): Promise<void> {
    this.metrics.recordRun(record);
    const updated = await this.record(job, record, { status: record.status === 'failed' ? 'failed' : 'completed', last_result: lastResultOf(record) });
    if (updated && !updated.is_active) await this.registry.patch(job.job_id, { status: 'paused' });
    // The one line about a run's failures: each symbol's own is at debug level.
    const failures = failureSummary(record.errors);
    this.logger[failures ? 'warn' : 'log'](
      `job ${job.job_id} run ${record.run_id}: ${record.status} (${record.fetched_stocks.length} ok, ${record.failed_stocks.length} failed, ${record.points_written} bars, ${record.duration_ms} ms)${failures && `; ${failures}`}`,
      { job_id: job.job_id, run_id: record.run_id, status: record.status },
    );
  }

  /** Records the run, with its follow-up queued in the same step when anything is to follow it, and follows it here at once. */
  private async record(job: ScheduledJob, record: RunRecord, patch: JobPatch, options: RecordOptions = {}): Promise<ScheduledJob | null> {
    const followUp = await this.followUps.runs.wanted({ run: record, job });
    const updated = await this.registry.recordRun(record, patch, { ...options, followUp });
    if (updated && followUp) this.followUps.followRun(record, updated);
    return updated;
  }
}

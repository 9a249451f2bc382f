import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JOB_STORE, type JobStore, type RecordRunOptions } from '../storage/job-store.js';
import { runSummary } from './events/scheduler-event.js';
import { SchedulerEvents } from './events/scheduler-events.js';
import type { JobPatch, JobSpec, RunRecord, ScheduledJob } from './job.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

export interface RecordOptions extends Omit<RecordRunOptions, 'followUpDueMs'> {
  /** Queue the run's follow-up with it. */
  followUp?: boolean;
}

/** Persistence of jobs and their run history, through the {@link JobStore} port; a run's start, progress and end are events. */
@Injectable()
export class JobRegistry {
  constructor(
    @Inject(JOB_STORE) private readonly store: JobStore,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
    private readonly events: SchedulerEvents,
  ) {}

  /** A new job of `spec`, not stored yet. */
  draft(spec: JobSpec, isActive: boolean, nextRun: Date | null): ScheduledJob {
    const now = isoInZone(Date.now(), spec.timezone);
    return {
      job_id: randomUUID(),
      ...spec,
      is_active: isActive,
      status: isActive ? 'pending' : 'paused',
      created_at: now,
      updated_at: now,
      last_run: null,
      next_run: nextRun ? isoInZone(nextRun, spec.timezone) : null,
      last_result: null,
    };
  }

  create(job: ScheduledJob): Promise<void> {
    return this.store.create(job);
  }

  get(jobId: string): Promise<ScheduledJob | null> {
    return this.store.get(jobId);
  }

  getMany(jobIds: readonly string[]): Promise<(ScheduledJob | null)[]> {
    return this.store.getMany(jobIds);
  }

  async list(activeOnly = false): Promise<ScheduledJob[]> {
    const jobs = await this.store.list();
    return activeOnly ? jobs.filter((job) => job.is_active) : jobs;
  }

  /** Applies the patch atomically; null when the job no longer exists. */
  patch(jobId: string, patch: JobPatch): Promise<ScheduledJob | null> {
    return this.store.patch(jobId, patch);
  }

  delete(jobId: string): Promise<boolean> {
    return this.store.delete(jobId);
  }

  /** Stores the run in progress and applies `patch` to its job, atomically; null when the job no longer exists. */
  async startRun(run: RunRecord, patch: JobPatch): Promise<ScheduledJob | null> {
    const job = await this.store.startRun(run, patch);
    if (job) this.events.emit('run.started', runSummary(run));
    return job;
  }

  /** Brings the stored record of the run in progress up to date; false when it is no longer current. */
  async updateCurrentRun(run: RunRecord): Promise<boolean> {
    const current = await this.store.updateCurrentRun(run);
    if (current) this.events.emit('run.progress', runSummary(run));
    return current;
  }

  /** The job's run in progress (status `running`), or null. */
  currentRun(jobId: string): Promise<RunRecord | null> {
    return this.store.currentRun(jobId);
  }

  /**
   * Appends the run record and applies `patch` to its job, atomically, and with `followUp` queues
   * the run's follow-up (FollowUps) in the same step; null, writing nothing, when the job no longer
   * exists (or the run is no longer current, with `onlyIfCurrent`).
   */
  async recordRun(run: RunRecord, patch: JobPatch, options: RecordOptions = {}): Promise<ScheduledJob | null> {
    // Due a lease TTL from now: this replica follows the run at once, another only if it dies first.
    const followUpDueMs = options.followUp ? Date.now() + this.options.leaseTtlMs : undefined;
    const job = await this.store.recordRun(run, this.options.runHistoryLimit, patch, { onlyIfCurrent: options.onlyIfCurrent, followUpDueMs });
    if (job) this.events.emit('run.finished', runSummary(run));
    return job;
  }

  /** Newest first: the run in progress, if any, then the recorded ones. */
  async runs(jobId: string, limit: number): Promise<RunRecord[]> {
    const [current, recorded] = await Promise.all([this.store.currentRun(jobId), this.store.listRuns(jobId, limit)]);
    return (current ? [current, ...recorded] : recorded).slice(0, limit);
  }
}

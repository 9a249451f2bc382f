import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { COORDINATOR, type Coordinator, type JobChange } from '../storage/coordinator.js';
import type { ScheduledJob } from './job.js';
import { JobExecutor } from './job-executor.js';
import { JobRegistry } from './job-registry.js';
import { JobScheduler } from './job-scheduler.js';
import { RunRecorder } from './run-recorder.js';
import { latestOccurrence, triggerOf } from './schedule.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

/**
 * Keeps this replica's CronJobs equal to the stored jobs: at boot (with crash recovery and
 * catch-up), on every change message from any replica, and periodically in case a message was lost.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobReconciler.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly registry: JobRegistry,
    private readonly executor: JobExecutor,
    private readonly recorder: RunRecorder,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) return;
    await this.coordinator.subscribe((change) => void this.apply(change));
    await this.reconcile(true);
    this.timer = setInterval(() => void this.reconcile(false), this.options.reconcileIntervalMs);
    this.timer.unref();
    this.logger.log(`Scheduler started with ${this.scheduler.registeredCount} active job(s)`);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async apply(change: JobChange): Promise<void> {
    try {
      if (change.op === 'pause') return this.scheduler.pause();
      if (change.op === 'resume') return this.scheduler.resume();
      const job = change.op === 'delete' ? null : await this.registry.get(change.job_id);
      if (job) this.scheduler.sync(job);
      else this.scheduler.remove(change.job_id);
    } catch (error) {
      this.logger.warn(`change ${JSON.stringify(change)} not applied (the reconcile will): ${String(error)}`);
    }
  }

  private async reconcile(boot: boolean): Promise<void> {
    try {
      const now = new Date();
      if (await this.coordinator.isPaused()) this.scheduler.pause();
      else this.scheduler.resume();
      const jobs = await this.registry.list();
      const active = new Set<string>();
      for (const job of jobs) {
        if (job.status === 'running' && !this.executor.isRunning(job.job_id) && !(await this.coordinator.isLeased(job.job_id))) {
          await this.recoverLostRun(job);
        }
        if (!job.is_active) continue;
        active.add(job.job_id);
        this.scheduler.sync(job);
        if (boot) await this.catchUp(job, now);
      }
      for (const id of this.scheduler.registeredIds()) if (!active.has(id)) this.scheduler.remove(id);
    } catch (error) {
      this.logger.warn(`reconcile failed (next try in ${this.options.reconcileIntervalMs} ms): ${String(error)}`);
    }
  }

  /** A fire missed while no replica was up runs once if it is within the job's misfire grace. */
  private async catchUp(job: ScheduledJob, now: Date): Promise<void> {
    const due = job.next_run ? Date.parse(job.next_run) : null;
    if (due === null || due > now.getTime()) return;
    const missed = latestOccurrence(triggerOf(job), now, new Date(due));
    if (missed && now.getTime() - missed.getTime() <= job.misfire_grace_seconds * 1000) {
      this.logger.log(`job ${job.job_id}: catching up on the fire missed at ${missed.toISOString()}`, { job_id: job.job_id });
      await this.scheduler.dispatch(job, 'catch_up', missed);
      return;
    }
    const next = this.scheduler.nextRuns(job, 1)[0] ?? null;
    this.logger.log(`job ${job.job_id}: fire missed at ${job.next_run} is beyond its misfire grace; next at ${next?.toISOString()}`, {
      job_id: job.job_id,
    });
    await this.registry.patch(job.job_id, { next_run: next ? isoInZone(next, job.timezone) : null });
  }

  /** A run whose process died (nobody holds its lease) will never end: record it as failed. */
  private async recoverLostRun(job: ScheduledJob): Promise<void> {
    // Which trigger started the lost run is not stored; a crash mid-run is by far most often a scheduled one.
    const run = { runId: randomUUID(), trigger: 'schedule' as const, scheduledFor: null };
    const reason = 'interrupted: the service stopped (crash or kill) while this run was in progress';
    await this.recorder.interrupted(job, run, job.last_run ?? job.updated_at, reason);
  }
}

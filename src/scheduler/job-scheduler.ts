import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { nyseSession } from '../market-data/calendar/nyse-session.js';
import { CronRegistry } from './cron-registry.js';
import type { RunTrigger, ScheduledJob } from './job.js';
import type { ScheduleSpec } from './job-spec.js';
import { JobExecutor } from './job-executor.js';
import { JobRegistry } from './job-registry.js';
import { latestOccurrence, nextOccurrence, triggerOf } from './schedule.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

/** Fires skipped for market hours are looked at this far ahead at most when previewing. */
const PREVIEW_HORIZON_MS = 400 * 86_400_000;

/**
 * Keeps one CronJob per active job and turns each fire into a run: at boot it records runs a crash
 * cut short and catches up on a recently missed fire; at shutdown it lets runs finish.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private running = true;

  constructor(
    private readonly cron: CronRegistry,
    private readonly registry: JobRegistry,
    private readonly executor: JobExecutor,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) return;
    const now = new Date();
    const jobs = await this.registry.list();
    for (const job of jobs) {
      if (job.status === 'running') await this.recoverCrashedRun(job);
      if (!job.is_active) continue;
      this.sync(job);
      await this.catchUp(job, now);
    }
    this.logger.log(`Scheduler started with ${this.cron.count()} active job(s)`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.cron.stopAll();
    await this.executor.drain(this.options.shutdownGraceMs);
  }

  get isRunning(): boolean {
    return this.running;
  }

  get registeredCount(): number {
    return this.cron.count();
  }

  /** Registers, replaces or removes the job's CronJob so that it matches the definition. */
  sync(job: ScheduledJob): void {
    if (job.is_active) this.cron.register(job.job_id, triggerOf(job), this.onFire, this.running);
    else this.cron.remove(job.job_id);
  }

  remove(jobId: string): void {
    this.cron.remove(jobId);
  }

  /** Stops every fire until {@link resume}; runs in progress finish. */
  pause(): void {
    this.running = false;
    this.cron.stopAll();
    this.logger.log('Scheduler paused');
  }

  resume(): void {
    this.running = true;
    this.cron.startAll();
    this.logger.log('Scheduler resumed');
  }

  /** The next `count` fire times after `after` that will run: outside NYSE hours they are left out for market_hours_only jobs. */
  nextRuns(spec: ScheduleSpec, count: number, after = new Date()): Date[] {
    const trigger = triggerOf(spec);
    const horizon = after.getTime() + PREVIEW_HORIZON_MS;
    const dates: Date[] = [];
    for (let cursor = after; dates.length < count; ) {
      cursor = nextOccurrence(trigger, cursor);
      if (cursor.getTime() > horizon) break;
      if (!spec.market_hours_only || nyseSession(cursor).open) dates.push(cursor);
    }
    return dates;
  }

  private readonly onFire = (jobId: string, scheduledFor: Date): void => {
    void this.fire(jobId, scheduledFor);
  };

  private async fire(jobId: string, scheduledFor: Date): Promise<void> {
    try {
      const job = await this.registry.get(jobId);
      if (!job?.is_active) {
        this.cron.remove(jobId);
        return;
      }
      await this.dispatch(job, 'schedule', scheduledFor);
    } catch (error) {
      this.logger.error(`job ${jobId}: fire at ${scheduledFor.toISOString()} failed: ${String(error)}`);
    }
  }

  /** A fire becomes a run, or a skipped record saying why it did not run. */
  private async dispatch(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date): Promise<void> {
    const next = this.nextRuns(job, 1)[0] ?? null;
    const session = job.market_hours_only ? nyseSession(scheduledFor) : null;
    if (session && !session.open) {
      await this.executor.recordSkipped(job, trigger, scheduledFor, `market closed: ${session.reason}`);
    } else if (this.executor.start(job, trigger, scheduledFor, next)) {
      return;
    } else {
      const reason = this.executor.isRunning(job.job_id) ? 'the previous run is still in progress' : 'the service is shutting down';
      await this.executor.recordSkipped(job, trigger, scheduledFor, reason);
    }
    await this.registry.patch(job.job_id, { next_run: next ? isoInZone(next, job.timezone) : null });
  }

  /** A fire missed while the service was down runs once if it is within the job's misfire grace. */
  private async catchUp(job: ScheduledJob, now: Date): Promise<void> {
    const due = job.next_run ? Date.parse(job.next_run) : null;
    if (due === null || due > now.getTime()) return;
    const missed = latestOccurrence(triggerOf(job), now, new Date(due));
    if (missed && now.getTime() - missed.getTime() <= job.misfire_grace_seconds * 1000) {
      this.logger.log(`job ${job.job_id}: catching up on the fire missed at ${missed.toISOString()}`);
      await this.dispatch(job, 'catch_up', missed);
      return;
    }
    const next = this.nextRuns(job, 1)[0] ?? null;
    this.logger.log(`job ${job.job_id}: fire missed at ${job.next_run} is beyond its misfire grace; next at ${next?.toISOString()}`);
    await this.registry.patch(job.job_id, { next_run: next ? isoInZone(next, job.timezone) : null });
  }

  /** A run that was in progress when the process died will never end: record it as failed. */
  private async recoverCrashedRun(job: ScheduledJob): Promise<void> {
    // Which trigger started the lost run is not stored; a crash mid-run is by far most often a scheduled one.
    const run = { runId: randomUUID(), trigger: 'schedule' as const, scheduledFor: null };
    const reason = 'interrupted: the service stopped (crash or kill) while this run was in progress';
    await this.executor.recordInterrupted(job, run, job.last_run ?? job.updated_at, reason);
  }
}

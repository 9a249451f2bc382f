import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { nyseSession } from '../market-data/calendar/nyse-session.js';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { COORDINATOR, type Coordinator } from '../storage/coordinator.js';
import { CronRegistry } from './cron-registry.js';
import type { RunTrigger, ScheduledJob } from './job.js';
import { JobExecutor } from './job-executor.js';
import type { ScheduleSpec } from './job-spec.js';
import { JobRegistry } from './job-registry.js';
import { nextOccurrence, triggerOf } from './schedule.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

interface Fire {
  jobId: string;
  scheduledFor: Date;
}

/** Fires skipped for market hours are looked at this far ahead at most when previewing. */
const PREVIEW_HORIZON_MS = 400 * 86_400_000;

/**
 * Keeps one CronJob per active job and turns each fire into a run. With several replicas every
 * one of them fires; the occurrence claim lets exactly one run it.
 */
@Injectable()
export class JobScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private running = true;
  private readonly firing = new Set<Promise<void>>();
  private readonly pendingFires: Fire[] = [];

  constructor(
    private readonly cron: CronRegistry,
    private readonly registry: JobRegistry,
    private readonly executor: JobExecutor,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
    private readonly metrics: SchedulerMetrics,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    this.cron.stopAll();
    // Fires already past their timer finish deciding (run or skip) while the store is still open;
    // the last batch is handed over on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled(this.firing);
    await this.executor.drain(this.options.shutdownGraceMs);
  }

  get isRunning(): boolean {
    return this.running;
  }

  get registeredCount(): number {
    return this.cron.count();
  }

  registeredIds(): string[] {
    return this.cron.ids();
  }

  /** Registers, replaces or removes the job's CronJob so that it matches the definition. */
  sync(job: ScheduledJob): void {
    if (job.is_active) this.cron.register(job.job_id, triggerOf(job), this.onFire, this.running);
    else this.cron.remove(job.job_id);
    this.metrics.activeJobs.set(this.cron.count());
  }

  remove(jobId: string): void {
    this.cron.remove(jobId);
    this.metrics.activeJobs.set(this.cron.count());
  }

  /** Stops every fire of this replica until {@link resume}; runs in progress finish. */
  pause(): void {
    if (!this.running) return;
    this.running = false;
    this.cron.stopAll();
    this.logger.log('Scheduler paused');
  }

  resume(): void {
    if (this.running) return;
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

  /**
   * A fire becomes a run, or a skipped record saying why it did not run, on the one replica that
   * claims the occurrence; the others do nothing.
   */
  async dispatch(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date): Promise<void> {
    const [claimed] = await this.coordinator.claimOccurrences([{ jobId: job.job_id, occurrenceMs: scheduledFor.getTime() }]);
    if (claimed) await this.runClaimed(job, trigger, scheduledFor);
    else this.logger.debug(`job ${job.job_id}: occurrence ${scheduledFor.toISOString()} claimed elsewhere`, { job_id: job.job_id });
  }

  private async runClaimed(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date): Promise<void> {
    // CronRegistry re-armed the CronJob before this fire: its next occurrence is known without a computation.
    const armed = trigger === 'schedule' ? this.cron.nextFire(job.job_id) : null;
    const next = armed && !job.market_hours_only ? armed : (this.nextRuns(job, 1)[0] ?? null);
    const session = job.market_hours_only ? nyseSession(scheduledFor) : null;
    if (session && !session.open) {
      await this.executor.recordSkipped(job, trigger, scheduledFor, `market closed: ${session.reason}`);
    } else {
      const started = await this.executor.start(job, trigger, scheduledFor, next);
      if (started.ok) return;
      await this.executor.recordSkipped(job, trigger, scheduledFor, started.reason);
    }
    await this.registry.patch(job.job_id, { next_run: next ? isoInZone(next, job.timezone) : null });
  }

  // Jobs on one schedule fire in the same instant: their fires are gathered until the timers of
  // that instant have all run, then read with one MGET and claimed with one script call.
  private readonly onFire = (jobId: string, scheduledFor: Date): void => {
    this.metrics.recordFire(scheduledFor);
    this.pendingFires.push({ jobId, scheduledFor });
    if (this.pendingFires.length > 1) return;
    setImmediate(() => {
      const batch = this.fireBatch(this.pendingFires.splice(0)).finally(() => this.firing.delete(batch));
      this.firing.add(batch);
    });
  };

  private async fireBatch(fires: Fire[]): Promise<void> {
    let claimed: { job: ScheduledJob; scheduledFor: Date }[];
    try {
      const jobs = await this.registry.getMany(fires.map((fire) => fire.jobId));
      const due = fires.flatMap((fire, i) => {
        const job = jobs[i];
        if (job?.is_active) return [{ job, scheduledFor: fire.scheduledFor }];
        this.cron.remove(fire.jobId);
        return [];
      });
      const won = await this.coordinator.claimOccurrences(due.map(({ job, scheduledFor }) => ({ jobId: job.job_id, occurrenceMs: scheduledFor.getTime() })));
      claimed = due.filter((_, i) => won[i]);
    } catch (error) {
      // A store outage must not crash the timers: the fires are lost and logged, the next ones come.
      for (const { jobId, scheduledFor } of fires) this.fireFailed(jobId, scheduledFor, error);
      return;
    }
    await Promise.all(claimed.map(({ job, scheduledFor }) => this.runClaimed(job, 'schedule', scheduledFor).catch((error: unknown) => this.fireFailed(job.job_id, scheduledFor, error))));
  }

  private fireFailed(jobId: string, scheduledFor: Date, error: unknown): void {
    this.logger.warn(`job ${jobId}: fire at ${scheduledFor.toISOString()} failed: ${String(error)}`, { job_id: jobId });
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CronRegistry } from './cron-registry.js';
import type { JobSpec, ScheduledJob } from './job.js';
import { JobExecutor } from './job-executor.js';
import { JobRegistry } from './job-registry.js';
import { nextOccurrences, triggerOf } from './schedule.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';

/** Keeps one CronJob per active job and turns each fire into a run. */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap {
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
    const jobs = await this.registry.list(true);
    for (const job of jobs) this.sync(job);
    this.logger.log(`Scheduler started with ${jobs.length} active job(s)`);
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

  /** The next `count` fire times of a job with this schedule, after `after`. */
  nextRuns(spec: JobSpec, count: number, after = new Date()): Date[] {
    return nextOccurrences(triggerOf(spec), after, count);
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
      const started = this.executor.start(job, 'schedule', scheduledFor, this.cron.nextFire(jobId));
      if (!started) await this.executor.recordSkipped(job, 'schedule', scheduledFor, 'the previous run is still in progress');
    } catch (error) {
      this.logger.error(`job ${jobId}: fire at ${scheduledFor.toISOString()} failed: ${String(error)}`);
    }
  }
}

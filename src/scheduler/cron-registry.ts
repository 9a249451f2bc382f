import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { OneShotTime } from './one-shot-time.js';
import { nextOccurrence, type Trigger } from './schedule.js';

/** Prefix of every CronJob name we register, so a host app's own jobs never collide with ours. */
export const CRON_NAME_PREFIX = 'stock-scheduler:';

/** CronJobs armed again per turn of the event loop after a burst of fires. */
const REARM_SLICE = 64;

/** Settles once the fire is handed over; the job's CronJob is armed again only then. */
export type FireHandler = (jobId: string, scheduledFor: Date) => Promise<void>;

interface Entry {
  cronJob: CronJob;
  trigger: Trigger;
  /** The occurrence the CronJob is (or, while its fire is handed over, will be) armed for. */
  armedFor: Date | null;
}

/**
 * The only code that touches `SchedulerRegistry`: one CronJob per active job, named with
 * {@link CRON_NAME_PREFIX}. Each is a one-shot CronJob re-armed after every fire with the next
 * occurrence from `schedule.ts`, for cron expressions and intervals alike.
 */
@Injectable()
export class CronRegistry {
  private readonly logger = new Logger(CronRegistry.name);
  private readonly entries = new Map<string, Entry>();
  private readonly rearmQueue: { jobId: string; entry: Entry; after: Date }[] = [];

  constructor(private readonly registry: SchedulerRegistry) {}

  /**
   * Registers (or replaces) the job's CronJob; it calls `onFire` with the occurrence it was armed
   * for. The same trigger again is a no-op, so replaying a change or a reconcile costs nothing.
   */
  register(jobId: string, trigger: Trigger, onFire: FireHandler, start: boolean): void {
    const existing = this.entries.get(jobId);
    if (existing && JSON.stringify(existing.trigger) === JSON.stringify(trigger)) return;
    this.remove(jobId);
    const entry: Entry = { trigger, armedFor: null, cronJob: this.createCronJob(jobId, onFire) };
    this.entries.set(jobId, entry);
    this.registry.addCronJob(CRON_NAME_PREFIX + jobId, entry.cronJob);
    if (start) this.arm(jobId, entry);
  }

  remove(jobId: string): void {
    const entry = this.entries.get(jobId);
    if (!entry) return;
    entry.cronJob.stop();
    this.entries.delete(jobId);
    this.registry.deleteCronJob(CRON_NAME_PREFIX + jobId);
  }

  has(jobId: string): boolean {
    return this.entries.has(jobId);
  }

  /** The occurrence the job's CronJob is armed for, or null when it is absent or stopped. */
  nextFire(jobId: string): Date | null {
    return this.entries.get(jobId)?.armedFor ?? null;
  }

  startAll(): void {
    for (const [jobId, entry] of this.entries) this.arm(jobId, entry);
  }

  stopAll(): void {
    for (const entry of this.entries.values()) {
      entry.cronJob.stop();
      entry.armedFor = null;
    }
  }

  count(): number {
    return this.entries.size;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  private arm(jobId: string, entry: Entry): void {
    if (entry.cronJob.isActive) return;
    this.armAfter(jobId, entry, new Date());
  }

  /** Sets the one-shot CronJob to the first occurrence after `after` that is still ahead. */
  private armAfter(jobId: string, entry: Entry, after: Date): void {
    // Late (a busy process), the first occurrence after `after` may have passed: start from now.
    const next = nextOccurrence(entry.trigger, new Date(Math.max(after.getTime(), Date.now())));
    entry.armedFor = next;
    if (!next) {
      // Validation refuses such a schedule; one stored by an older version stays registered, unarmed.
      this.logger.warn(`job ${jobId}: its schedule has no fire time in the next 8 years; not armed`, { job_id: jobId });
      return;
    }
    // Should the clock pass `next` before the timer starts, OneShotTime fires it at once.
    entry.cronJob.setTime(new OneShotTime(next));
    entry.cronJob.start();
  }

  // Arming a CronJob costs several times more than taking a fire. When a thousand jobs fire in one
  // instant, they are armed again only once their fires are handed over, and in slices, so that
  // the replies those fires wait for are not held up behind the arming of the rest.
  private queueRearm(jobId: string, entry: Entry, after: Date): void {
    this.rearmQueue.push({ jobId, entry, after });
    if (this.rearmQueue.length === 1) setImmediate(this.rearmSlice);
  }

  private readonly rearmSlice = (): void => {
    for (const { jobId, entry, after } of this.rearmQueue.splice(0, REARM_SLICE)) {
      // A job removed or stopped meanwhile stays so.
      if (this.entries.get(jobId) === entry && entry.armedFor !== null) this.armAfter(jobId, entry, after);
    }
    if (this.rearmQueue.length > 0) setImmediate(this.rearmSlice);
  };

  private createCronJob(jobId: string, onFire: FireHandler): CronJob {
    // The occurrence being fired is the one the CronJob was armed for: tracked, not guessed from
    // a possibly late clock. The next one is computed from it, so every job on one schedule asks
    // for the same date and schedule.ts answers all but the first from memory.
    const onTick = () => {
      const entry = this.entries.get(jobId);
      if (!entry) return;
      const scheduledFor = entry.armedFor ?? new Date();
      entry.armedFor = nextOccurrence(entry.trigger, scheduledFor);
      let fired: Promise<void>;
      try {
        fired = onFire(jobId, scheduledFor);
      } catch (error) {
        fired = Promise.reject(error as Error);
      }
      const rearm = () => this.queueRearm(jobId, entry, scheduledFor);
      fired.then(rearm, (error: unknown) => {
        this.logger.error(`job ${jobId}: fire handler failed: ${String(error)}`);
        rearm();
      });
    };
    // Created unstarted: arm() gives it its real date.
    return CronJob.from({ cronTime: new Date(Date.now() + 86_400_000), start: false, onTick });
  }
}

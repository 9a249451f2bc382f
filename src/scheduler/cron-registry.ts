import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { nextArming, type Arming, type FireSchedule } from './fire-schedule.js';
import { OneShotTime } from './one-shot-time.js';

/** Prefix of every CronJob name we register, so a host app's own jobs never collide with ours. */
export const CRON_NAME_PREFIX = 'stock-scheduler:';

/** CronJobs armed again per turn of the event loop after a burst of fires. */
const REARM_SLICE = 64;

/** Settles once the fire is handed over; the job's CronJob is armed again only then. */
export type FireHandler = (jobId: string, scheduledFor: Date) => Promise<void>;

interface Entry {
  cronJob: CronJob;
  schedule: FireSchedule;
  /** What the CronJob is (or, while its fire is handed over, will be) armed for. */
  armed: Arming | null;
}

/**
 * The only code that touches `SchedulerRegistry`: one CronJob per active job, named with
 * {@link CRON_NAME_PREFIX}. Each is a one-shot CronJob re-armed after every fire with the next
 * fire time, for cron expressions and intervals alike; a market_hours_only job's is the next one
 * inside NYSE hours, so its CronJob does not wake while the market is closed.
 */
@Injectable()
export class CronRegistry {
  private readonly logger = new Logger(CronRegistry.name);
  private readonly entries = new Map<string, Entry>();
  private readonly rearmQueue: { jobId: string; entry: Entry; after: Date }[] = [];

  constructor(private readonly registry: SchedulerRegistry) {}

  /**
   * Registers (or replaces) the job's CronJob; it calls `onFire` with the occurrence it was armed
   * for. The same schedule again is a no-op, so replaying a change or a reconcile costs nothing.
   */
  register(jobId: string, schedule: FireSchedule, onFire: FireHandler, start: boolean): void {
    const existing = this.entries.get(jobId);
    if (existing && JSON.stringify(existing.schedule) === JSON.stringify(schedule)) return;
    this.remove(jobId);
    const entry: Entry = { schedule, armed: null, cronJob: this.createCronJob(jobId, onFire) };
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

  /**
   * The fire time the job's CronJob is armed for (inside NYSE hours for market_hours_only), or null
   * when it is absent or stopped, or armed only to search again beyond the market-hours horizon.
   */
  nextFire(jobId: string): Date | null {
    const armed = this.entries.get(jobId)?.armed;
    return armed?.isFire ? armed.at : null;
  }

  startAll(): void {
    for (const [jobId, entry] of this.entries) this.arm(jobId, entry);
  }

  stopAll(): void {
    for (const entry of this.entries.values()) {
      entry.cronJob.stop();
      entry.armed = null;
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

  /** Sets the one-shot CronJob to the first fire time after `after` that is still ahead. */
  private armAfter(jobId: string, entry: Entry, after: Date): void {
    // Late (a busy process), the first fire time after `after` may have passed: start from now.
    const next = nextArming(entry.schedule, new Date(Math.max(after.getTime(), Date.now())));
    entry.armed = next;
    if (!next) {
      // Validation refuses such a schedule; one stored by an older version stays registered, unarmed.
      const where = entry.schedule.marketHoursOnly ? ' inside NYSE hours' : '';
      this.logger.warn(`job ${jobId}: its schedule has no fire time${where} in the next 8 years; not armed`, { job_id: jobId });
      return;
    }
    // Should the clock pass `next` before the timer starts, OneShotTime fires it at once.
    entry.cronJob.setTime(new OneShotTime(next.at));
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
      if (this.entries.get(jobId) === entry && entry.armed !== null) this.armAfter(jobId, entry, after);
    }
    if (this.rearmQueue.length > 0) setImmediate(this.rearmSlice);
  };

  private createCronJob(jobId: string, onFire: FireHandler): CronJob {
    // The occurrence being fired is the one the CronJob was armed for: tracked, not guessed from
    // a possibly late clock. The next one is computed from it, so every job on one schedule asks
    // for the same date (and schedule.ts answers cron's part of all but the first from memory).
    const onTick = () => {
      const entry = this.entries.get(jobId);
      if (!entry) return;
      const scheduledFor = entry.armed?.at ?? new Date();
      entry.armed = nextArming(entry.schedule, scheduledFor);
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

import { Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, CronTime } from 'cron';
import { nextOccurrence, type Trigger } from './schedule.js';

/** Prefix of every CronJob name we register, so a host app's own jobs never collide with ours. */
export const CRON_NAME_PREFIX = 'stock-scheduler:';

export type FireHandler = (jobId: string, scheduledFor: Date) => void;

interface Entry {
  cronJob: CronJob;
  trigger: Trigger;
  armedFor: Date | null;
}

/**
 * The only code that touches `SchedulerRegistry`: one CronJob per active job, named with
 * {@link CRON_NAME_PREFIX}. Each is a one-shot CronJob re-armed at every fire with the next
 * occurrence from `schedule.ts`, for cron expressions and intervals alike.
 */
@Injectable()
export class CronRegistry {
  private readonly logger = new Logger(CronRegistry.name);
  private readonly entries = new Map<string, Entry>();

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
    if (start) this.arm(entry);
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
    for (const entry of this.entries.values()) this.arm(entry);
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

  private arm(entry: Entry): void {
    if (entry.cronJob.isActive) return;
    this.armAfter(entry, new Date());
  }

  /** Sets the one-shot CronJob to the first occurrence after `after` that is still ahead. */
  private armAfter(entry: Entry, after: Date): void {
    // On a busy event loop `next` can pass between computing it and starting the timer; CronJob
    // then throws "Date in past" and stays marked active, which would silence the job for good.
    for (let from = after, attempt = 1; ; from = new Date(), attempt++) {
      const next = nextOccurrence(entry.trigger, from);
      if (next.getTime() <= Date.now()) continue;
      // A zone given spares CronTime from asking Intl for the system's, which costs more than the rest.
      entry.cronJob.setTime(new CronTime(next, 'UTC'));
      entry.armedFor = next;
      try {
        entry.cronJob.start();
        return;
      } catch (error) {
        entry.cronJob.stop();
        if (attempt >= 3) throw error;
      }
    }
  }

  private createCronJob(jobId: string, onFire: FireHandler): CronJob {
    // The occurrence being fired is the one the CronJob was armed for: tracked, not guessed from
    // a possibly late clock. The next one is computed from it, so every job on one schedule asks
    // for the same date and schedule.ts answers all but the first from memory.
    const onTick = () => {
      const entry = this.entries.get(jobId);
      if (!entry) return;
      const scheduledFor = entry.armedFor ?? new Date();
      this.armAfter(entry, scheduledFor);
      try {
        onFire(jobId, scheduledFor);
      } catch (error) {
        this.logger.error(`job ${jobId}: fire handler threw: ${String(error)}`);
      }
    };
    // Created unstarted: arm() gives it its real date.
    return CronJob.from({ cronTime: new Date(Date.now() + 86_400_000), start: false, onTick });
  }
}

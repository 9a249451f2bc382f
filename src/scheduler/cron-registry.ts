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
 * {@link CRON_NAME_PREFIX}. Interval triggers use a one-shot CronJob re-armed at each fire, so
 * both kinds live in the same registry.
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
    const entry: Entry = { trigger, armedFor: null, cronJob: this.createCronJob(jobId, trigger, onFire) };
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
    if (entry.trigger.kind === 'interval') {
      entry.cronJob.setTime(new CronTime(nextOccurrence(entry.trigger, new Date())));
    }
    entry.armedFor = entry.cronJob.nextDate().toJSDate();
    entry.cronJob.start();
  }

  private createCronJob(jobId: string, trigger: Trigger, onFire: FireHandler): CronJob {
    // A CronJob re-arms itself before it calls onTick, so the occurrence being fired is the one
    // recorded when it was last armed: tracked, not guessed from a possibly late clock.
    const onTick = () => {
      const entry = this.entries.get(jobId);
      if (!entry) return;
      const scheduledFor = entry.armedFor ?? new Date();
      if (trigger.kind === 'interval') {
        const after = new Date(Math.max(Date.now(), scheduledFor.getTime()));
        entry.cronJob.setTime(new CronTime(nextOccurrence(trigger, after)));
        entry.cronJob.start();
      }
      entry.armedFor = entry.cronJob.nextDate().toJSDate();
      try {
        onFire(jobId, scheduledFor);
      } catch (error) {
        this.logger.error(`job ${jobId}: fire handler threw: ${String(error)}`);
      }
    };
    return trigger.kind === 'cron'
      ? CronJob.from({ cronTime: trigger.expression, timeZone: trigger.timezone, start: false, onTick })
      : CronJob.from({ cronTime: nextOccurrence(trigger, new Date()), start: false, onTick });
  }
}

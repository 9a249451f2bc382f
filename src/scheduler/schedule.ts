import { CronTime, validateCronExpression } from 'cron';
import type { JobSpec } from './job.js';

/** How a job fires: a cron expression in a zone, or a fixed interval aligned to the Unix epoch. */
export type Trigger =
  | { kind: 'cron'; expression: string; timezone: string }
  | { kind: 'interval'; seconds: number };

type ScheduleFields = Pick<JobSpec, 'schedule_time' | 'cron' | 'interval_seconds' | 'timezone'>;

/** Whether the job has no schedule of its own: it runs only when a job of its run_after ends (or when run now). */
export function isChainOnly(spec: Partial<Pick<JobSpec, 'schedule_time' | 'cron' | 'interval_seconds'>>): boolean {
  return spec.schedule_time == null && spec.cron == null && spec.interval_seconds == null;
}

export function triggerOf(spec: ScheduleFields): Trigger {
  if (spec.interval_seconds != null) return { kind: 'interval', seconds: spec.interval_seconds };
  if (spec.cron != null) return { kind: 'cron', expression: spec.cron, timezone: spec.timezone };
  const [hours, minutes] = (spec.schedule_time ?? '17:00').split(':').map(Number);
  return { kind: 'cron', expression: `0 ${minutes} ${hours} * * *`, timezone: spec.timezone };
}

// Parsing an expression costs more than computing its next date, and jobs share a handful of
// schedules: a thousand jobs on one expression firing together ask for the same next date.
interface ParsedCron {
  time: CronTime;
  /** Next date by the second it was asked after; a few seconds are kept (fires, late re-arms). */
  nexts: Map<number, number>;
}
const NEXTS_MAX = 8;
const parsed = new Map<string, ParsedCron>();
const PARSED_MAX = 1000;

function parsedCron(trigger: Extract<Trigger, { kind: 'cron' }>): ParsedCron {
  const key = `${trigger.timezone} ${trigger.expression}`;
  let entry = parsed.get(key);
  if (!entry) {
    if (parsed.size >= PARSED_MAX) parsed.clear();
    entry = { time: new CronTime(trigger.expression, trigger.timezone), nexts: new Map() };
    parsed.set(key, entry);
  }
  return entry;
}

/** The parsed expression of `trigger`, shared with every search on it. */
export const cronTimeOf = (trigger: Extract<Trigger, { kind: 'cron' }>): CronTime => parsedCron(trigger).time;

/** Kept for a date after which cron finds no match within 8 years (it throws then, e.g. for 30 February). */
const NEVER = Number.NaN;

function nextCronDate(trigger: Extract<Trigger, { kind: 'cron' }>, after: Date): Date | null {
  const entry = parsedCron(trigger);
  // Cron fires on whole seconds, so the next date after any instant is the one after the start of
  // its second: jobs re-armed at different milliseconds of one second (a busy process) share it.
  const second = Math.floor(after.getTime() / 1000) * 1000;
  let next = entry.nexts.get(second);
  if (next === undefined) {
    if (entry.nexts.size >= NEXTS_MAX) entry.nexts.clear();
    try {
      next = entry.time.getNextDateFrom(new Date(second), trigger.timezone).toMillis();
    } catch {
      next = NEVER;
    }
    entry.nexts.set(second, next);
  }
  return Number.isNaN(next) ? null : new Date(next);
}

/** The first `count` fire times strictly after `after`; fewer when the schedule stops firing within cron's 8 years. */
export function nextOccurrences(trigger: Trigger, after: Date, count: number): Date[] {
  const dates: Date[] = [];
  if (trigger.kind === 'interval') {
    // Epoch alignment gives every replica and every restart the same occurrences.
    const periodMs = trigger.seconds * 1000;
    let next = (Math.floor(after.getTime() / periodMs) + 1) * periodMs;
    for (let i = 0; i < count; i++, next += periodMs) dates.push(new Date(next));
    return dates;
  }
  for (let cursor = nextCronDate(trigger, after); cursor && dates.length < count; cursor = nextCronDate(trigger, cursor)) {
    dates.push(cursor);
  }
  return dates;
}

/**
 * The latest fire time in `[notBefore, atOrBefore]`, or null. Searches backwards in growing windows,
 * so a job firing every second costs a few steps, not one per missed second.
 */
export function latestOccurrence(trigger: Trigger, atOrBefore: Date, notBefore: Date): Date | null {
  const end = atOrBefore.getTime();
  const floor = notBefore.getTime();
  if (floor > end) return null;
  if (trigger.kind === 'interval') {
    const periodMs = trigger.seconds * 1000;
    const latest = Math.floor(end / periodMs) * periodMs;
    return latest >= floor ? new Date(latest) : null;
  }
  for (let span = 60_000; ; span *= 8) {
    const start = Math.max(floor, end - span);
    let latest: Date | null = null;
    for (let cursor = nextOccurrence(trigger, new Date(start - 1)); cursor && cursor.getTime() <= end; cursor = nextOccurrence(trigger, cursor)) {
      latest = cursor;
    }
    if (latest || start === floor) return latest;
  }
}

/** The first fire time strictly after `after`, or null when there is none within cron's 8 years. */
export function nextOccurrence(trigger: Trigger, after: Date): Date | null {
  return nextOccurrences(trigger, after, 1)[0] ?? null;
}

/** Null when `expression` is a valid 5- or 6-field cron expression, else the reason. */
export function cronExpressionError(expression: string): string | null {
  const fields = expression.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 6) return `must have 5 fields (or 6 with seconds), got ${fields}`;
  const { valid, error } = validateCronExpression(expression);
  return valid ? null : (error?.message ?? 'is not a valid cron expression');
}

export function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

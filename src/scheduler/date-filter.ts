import type { CronTime } from 'cron';
import { cronFields, type CronField } from './cron-fields.js';

/** A field that matches any value is left out, as cron skips it by the count of its values. */
interface DateFields {
  month?: CronField;
  dayOfMonth?: CronField;
  dayOfWeek?: CronField;
}
const byTime = new WeakMap<CronTime, DateFields>();

const restricted = (field: CronField, size: number): CronField | undefined => (Object.keys(field).length === size ? undefined : field);

function dateFields(time: CronTime): DateFields {
  let fields = byTime.get(time);
  if (!fields) {
    const { month, dayOfMonth, dayOfWeek } = cronFields(time);
    fields = { month: restricted(month, 12), dayOfMonth: restricted(dayOfMonth, 31), dayOfWeek: restricted(dayOfWeek, 7) };
    byTime.set(time, fields);
  }
  return fields;
}

/** Whether the calendar date of `localMs` (a wall-clock time written as UTC) matches the fields of `time`, by cron's rule. */
export function matchesDate(time: CronTime, localMs: number): boolean {
  const { month, dayOfMonth, dayOfWeek } = dateFields(time);
  const date = new Date(localMs);
  if (month && !(date.getUTCMonth() + 1 in month)) return false;
  const byDay = !dayOfMonth || date.getUTCDate() in dayOfMonth;
  const byWeekday = !dayOfWeek || date.getUTCDay() in dayOfWeek;
  // Cron's rule: when both are restricted, a date that either of them matches matches.
  return dayOfMonth && dayOfWeek ? byDay || byWeekday : byDay && byWeekday;
}

const DAY_MS = 86_400_000;

/**
 * False only when the month, day-of-month and day-of-week fields of `time` match neither calendar
 * date from `firstMs` to `lastMs` (wall-clock times written as UTC, less than a day apart).
 */
export function mayMatchDates(time: CronTime, firstMs: number, lastMs: number): boolean {
  if (matchesDate(time, firstMs)) return true;
  return Math.floor(firstMs / DAY_MS) !== Math.floor(lastMs / DAY_MS) && matchesDate(time, lastMs);
}

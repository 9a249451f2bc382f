import type { CronTime } from 'cron';

type Field = Record<number, boolean>;
/**
 * How cron 4.4.0 keeps a parsed field: the values it matches as keys. Read as parsed because
 * `toJSON()` prints a range missing only its last value as `*` (its `_hasAll` stops one short).
 */
interface ParsedDateFields {
  month: Field;
  dayOfMonth: Field;
  dayOfWeek: Field;
}
/** A field that matches any value is left out, as cron skips it by the count of its values. */
interface DateFields {
  month?: Field;
  dayOfMonth?: Field;
  dayOfWeek?: Field;
}
const byTime = new WeakMap<CronTime, DateFields>();

const restricted = (field: Field, size: number): Field | undefined => (Object.keys(field).length === size ? undefined : field);

function dateFields(time: CronTime): DateFields {
  let fields = byTime.get(time);
  if (!fields) {
    const { month, dayOfMonth, dayOfWeek } = time as unknown as ParsedDateFields;
    fields = { month: restricted(month, 12), dayOfMonth: restricted(dayOfMonth, 31), dayOfWeek: restricted(dayOfWeek, 7) };
    byTime.set(time, fields);
  }
  return fields;
}

/** Whether the calendar date of `localMs` (a wall-clock time written as UTC) matches, by cron's rule. */
function matchesDate({ month, dayOfMonth, dayOfWeek }: DateFields, localMs: number): boolean {
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
  const fields = dateFields(time);
  if (matchesDate(fields, firstMs)) return true;
  return Math.floor(firstMs / DAY_MS) !== Math.floor(lastMs / DAY_MS) && matchesDate(fields, lastMs);
}

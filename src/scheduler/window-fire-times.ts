import type { CronTime } from 'cron';
import { IANAZone } from 'luxon';
import { cronFields, type CronField } from './cron-fields.js';
import { matchesDate } from './date-filter.js';
import { cronTimeOf, type Trigger } from './schedule.js';

const [SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS] = [1000, 60_000, 3_600_000, 86_400_000];
/** Cron moves a fire time by up to two hours after a change of offset: none may fall that close before the window. */
const SETTLED_MS = 3 * HOUR_MS;

interface TimeFields {
  seconds: number[];
  minutes: number[];
  hours: number[];
}
const byTime = new WeakMap<CronTime, TimeFields>();
const values = (field: CronField) => Object.keys(field).map(Number).sort((a, b) => a - b);

function timeFields(time: CronTime): TimeFields {
  let fields = byTime.get(time);
  if (!fields) {
    const { second, minute, hour } = cronFields(time);
    fields = { seconds: values(second), minutes: values(minute), hours: values(hour) };
    byTime.set(time, fields);
  }
  return fields;
}

/**
 * The first `count` fire times of a cron trigger strictly after `after` and before `to` (less than
 * a day later), from its fields by plain arithmetic: what cron finds one computation at a time.
 * Null when its zone changes offset in or shortly before the window: cron itself must decide there.
 */
export function cronFireTimesBetween(trigger: Extract<Trigger, { kind: 'cron' }>, after: Date, to: Date, count: number): Date[] | null {
  const zone = IANAZone.create(trigger.timezone);
  const offset = zone.offset(after.getTime());
  if (zone.offset(after.getTime() - SETTLED_MS) !== offset || zone.offset(to.getTime()) !== offset) return null;
  const time = cronTimeOf(trigger);
  const { seconds, minutes, hours } = timeFields(time);
  const [from, end] = [after.getTime() + offset * MINUTE_MS, to.getTime() + offset * MINUTE_MS];
  const dates: Date[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    if (!matchesDate(time, day)) continue;
    for (const hour of hours) {
      const atHour = day + hour * HOUR_MS;
      if (atHour >= end) break;
      if (atHour + HOUR_MS <= from) continue;
      for (const minute of minutes) {
        const atMinute = atHour + minute * MINUTE_MS;
        if (atMinute >= end) break;
        if (atMinute + MINUTE_MS <= from) continue;
        for (const second of seconds) {
          const at = atMinute + second * SECOND_MS;
          if (at >= end) return dates;
          if (at <= from) continue;
          dates.push(new Date(at - offset * MINUTE_MS));
          if (dates.length === count) return dates;
        }
      }
    }
  }
  return dates;
}

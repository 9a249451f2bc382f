import { CronTime } from 'cron';
import { IANAZone } from 'luxon';
import { mayMatchDates } from './date-filter.js';
import { cronTimeOf, type Trigger } from './schedule.js';

const DAY_S = 86_400;
/** Any UTC midnight: the time-of-day probes below run on that day. */
const PROBE_DAY = Date.UTC(2000, 0, 3);

interface TimeOfDay {
  /** The expression's second, minute and hour fields, on every date, in UTC. */
  time: CronTime;
  /** Whether it matches a time in a window of the day, by `${from}-${to}` in seconds of the day. */
  windows: Map<string, boolean>;
}
const byExpression = new Map<string, TimeOfDay>();
const EXPRESSIONS_MAX = 1000;

function timeOfDay(expression: string): TimeOfDay {
  let entry = byExpression.get(expression);
  if (!entry) {
    const fields = expression.trim().split(/\s+/);
    const [second, minute, hour] = fields.length === 6 ? fields : ['0', ...fields];
    if (byExpression.size >= EXPRESSIONS_MAX) byExpression.clear();
    entry = { time: new CronTime(`${second} ${minute} ${hour} * * *`, 'UTC'), windows: new Map() };
    byExpression.set(expression, entry);
  }
  return entry;
}

const secondOfDay = (at: Date, offsetMinutes: number) => (((Math.floor(at.getTime() / 1000) + offsetMinutes * 60) % DAY_S) + DAY_S) % DAY_S;

function matchesBetween(entry: TimeOfDay, from: number, to: number): boolean {
  const key = `${from}-${to}`;
  let matches = entry.windows.get(key);
  if (matches === undefined) {
    // One second before `from`: cron answers the first time strictly after the instant it is given.
    const next = entry.time.getNextDateFrom(new Date(PROBE_DAY + (from - 1) * 1000), 'UTC').toMillis();
    matches = next < PROBE_DAY + to * 1000;
    entry.windows.set(key, matches);
  }
  return matches;
}

/**
 * False only when no fire time of `trigger` can fall in `[from, to)` (less than a day): in its zone,
 * its month and day fields match neither date of the window, or its seconds, minutes and hours match
 * no time of day there whatever the date (asked once per window of the day). So a search over
 * hundreds of sessions spares cron a computation per session.
 */
export function mayFireBetween(trigger: Trigger, from: Date, to: Date): boolean {
  if (trigger.kind === 'interval') return true;
  const zone = IANAZone.create(trigger.timezone);
  const offset = zone.offset(from.getTime());
  // A change of the zone's offset inside the window moves cron's fire times: let cron itself decide.
  if (zone.offset(to.getTime()) !== offset) return true;
  if (!mayMatchDates(cronTimeOf(trigger), from.getTime() + offset * 60_000, to.getTime() - 1 + offset * 60_000)) return false;
  const [start, end] = [secondOfDay(from, offset), secondOfDay(to, offset)];
  const entry = timeOfDay(trigger.expression);
  if (start < end) return matchesBetween(entry, start, end);
  return matchesBetween(entry, start, DAY_S) || matchesBetween(entry, 0, end);
}

import { nyseSessionFrom } from '../market-data/calendar/nyse-session.js';
import type { ScheduleSpec } from './job-spec.js';
import { isChainOnly, nextOccurrence, nextOccurrences, triggerOf, type Trigger } from './schedule.js';
import { mayFireBetween } from './time-of-day-filter.js';
import { cronFireTimesBetween } from './window-fire-times.js';

/** How far ahead fire times inside NYSE hours are looked for: beyond it a market-hours schedule counts as never firing. */
export const MARKET_HOURS_HORIZON_DAYS = 400;
const DAY_MS = 86_400_000;
export const MARKET_HOURS_HORIZON_MS = MARKET_HOURS_HORIZON_DAYS * DAY_MS;
/**
 * Sessions one search may look at. Each step finds a fire time or moves on by at least one session,
 * so the horizon alone would bound it too; this bound holds whatever the horizon.
 */
const MAX_STEPS = 1000;

/**
 * The first `count` fire times strictly after `after` that fall inside NYSE regular sessions, up to
 * `until`. Jumps session to session: for each trading day, the first fire time from its open is
 * taken if it comes before the close, else the search goes on from the session of that fire time.
 */
export function marketHoursOccurrences(trigger: Trigger, after: Date, count: number, until: Date): Date[] {
  const dates: Date[] = [];
  let cursor = after;
  for (let steps = 0; dates.length < count && steps < MAX_STEPS; steps++) {
    const session = nyseSessionFrom(cursor);
    if (session.open > until) break;
    if (!mayFireBetween(trigger, session.open, session.close)) {
      cursor = session.close;
      continue;
    }
    // One millisecond before the open: fire times are strictly after the instant asked from.
    const from = new Date(Math.max(cursor.getTime(), session.open.getTime() - 1));
    const inSession = trigger.kind === 'cron' ? cronFireTimesBetween(trigger, from, session.close, count - dates.length) : null;
    if (inSession) {
      dates.push(...inSession.filter((at) => at <= until));
      cursor = session.close;
      continue;
    }
    const next = nextOccurrence(trigger, from);
    if (!next || next > until) break;
    if (next < session.close) {
      dates.push(next);
      cursor = next;
    } else {
      // From just before `next`, which may fall in a later session; never back inside this one.
      cursor = new Date(Math.max(next.getTime() - 1, session.close.getTime()));
    }
  }
  return dates;
}

/** The next `count` fire times after `after` that will run: for market_hours_only schedules, those inside NYSE hours. */
export function fireTimes(spec: ScheduleSpec, count: number, after = new Date()): Date[] {
  if (isChainOnly(spec)) return [];
  const trigger = triggerOf(spec);
  if (!spec.market_hours_only) return nextOccurrences(trigger, after, count);
  return marketHoursOccurrences(trigger, after, count, new Date(after.getTime() + MARKET_HOURS_HORIZON_MS));
}

/** Why the schedule will never run a fire, or null when it has one ahead. */
export function noFireReason(spec: ScheduleSpec, now = new Date()): string | null {
  if (isChainOnly(spec)) return null; // runs when an upstream job's run ends, never by itself
  if (!nextOccurrence(triggerOf(spec), now)) return `cron "${spec.cron}" has no fire time in the next 8 years`;
  if (fireTimes(spec, 1, now).length > 0) return null;
  return `market_hours_only: no fire time of this schedule falls inside NYSE regular hours (09:30–16:00 America/New_York on trading days) in the next ${MARKET_HOURS_HORIZON_DAYS} days`;
}

import { nyseSession, nyseSessionFrom } from '../market-data/calendar/nyse-session.js';
import { MARKET_HOURS_HORIZON_MS, marketHoursOccurrences } from './fire-times.js';
import type { ScheduleSpec } from './job-spec.js';
import { latestOccurrence, nextOccurrence, triggerOf, type Trigger } from './schedule.js';

/** What a job's CronJob is armed from: its trigger, and whether only fire times inside NYSE hours are fires. */
export interface FireSchedule {
  trigger: Trigger;
  marketHoursOnly: boolean;
}

/** When a CronJob is armed for: a fire time, or (`isFire` false) an occurrence outside NYSE hours it wakes at to search again. */
export interface Arming {
  at: Date;
  isFire: boolean;
}

export const fireScheduleOf = (spec: ScheduleSpec): FireSchedule => ({ trigger: triggerOf(spec), marketHoursOnly: spec.market_hours_only });

/** Why `at` is no fire of a market_hours_only schedule (NYSE is closed then), or null when it is one. */
export function closedMarketReason(marketHoursOnly: boolean, at: Date): string | null {
  return marketHoursOnly ? nyseSession(at).reason : null;
}

const lastArming = new Map<string, { second: number; arming: Arming | null }>();
const ARMINGS_MAX = 1000;

/**
 * When to arm a CronJob after `after`: the schedule's next fire time, for market_hours_only the next
 * inside NYSE hours, so that the CronJob never wakes while the market is closed. Null when the
 * schedule has no occurrence left within cron's 8 years.
 */
export function nextArming({ trigger, marketHoursOnly }: FireSchedule, after: Date): Arming | null {
  if (!marketHoursOnly) {
    const at = nextOccurrence(trigger, after);
    return at && { at, isFire: true };
  }
  // Every job on one schedule is re-armed after the same occurrence: the search is made once. Fire
  // times fall on whole seconds, so the one after any instant is the one after the start of its second.
  const key = trigger.kind === 'cron' ? `${trigger.timezone} ${trigger.expression}` : `every ${trigger.seconds}`;
  const second = Math.floor(after.getTime() / 1000) * 1000;
  const known = lastArming.get(key);
  if (known?.second === second) return known.arming;
  if (lastArming.size >= ARMINGS_MAX) lastArming.clear();
  const arming = marketHoursArming(trigger, new Date(second));
  lastArming.set(key, { second, arming });
  return arming;
}

function marketHoursArming(trigger: Trigger, after: Date): Arming | null {
  const until = new Date(after.getTime() + MARKET_HOURS_HORIZON_MS);
  const [fire] = marketHoursOccurrences(trigger, after, 1, until);
  if (fire) return { at: fire, isFire: true };
  // Validation refuses schedules without a fire time inside the horizon, but a sparse one (a yearly
  // date on a weekend two years running) can have its next beyond it, and an older version stored
  // schedules that have none: the CronJob wakes at the first occurrence beyond the horizon (a fire
  // if NYSE is open then) and searches again from there, at the cost of one search per horizon.
  const beyond = nextOccurrence(trigger, until);
  return beyond && { at: beyond, isFire: !closedMarketReason(true, beyond) };
}

/**
 * The latest fire time in `[notBefore, atOrBefore]`, or null: for market_hours_only, the latest
 * inside NYSE hours, looked for session by session (a catch-up window spans a few).
 */
export function latestFireTime({ trigger, marketHoursOnly }: FireSchedule, atOrBefore: Date, notBefore: Date): Date | null {
  if (!marketHoursOnly) return latestOccurrence(trigger, atOrBefore, notBefore);
  let latest: Date | null = null;
  for (let cursor = notBefore; ; ) {
    const session = nyseSessionFrom(cursor);
    if (session.open > atOrBefore) return latest;
    const end = new Date(Math.min(atOrBefore.getTime(), session.close.getTime() - 1));
    latest = latestOccurrence(trigger, end, new Date(Math.max(notBefore.getTime(), session.open.getTime()))) ?? latest;
    cursor = session.close;
  }
}

import { DateTime, IANAZone } from 'luxon';
import { nyseEarlyCloses, nyseHolidays } from './nyse-holidays.js';

const ZONE = 'America/New_York';
/** Minutes after midnight, New York time. */
const OPEN_MINUTES = 9 * 60 + 30;
const CLOSE_MINUTES = 16 * 60;
const EARLY_CLOSE_MINUTES = 13 * 60;

export interface NyseSession {
  open: boolean;
  /** Why the market is closed at that instant; null when open. */
  reason: string | null;
}

const byYear = new Map<number, { holidays: Map<string, string>; earlyCloses: Map<string, string> }>();

function calendar(year: number) {
  let entry = byYear.get(year);
  if (!entry) {
    entry = { holidays: nyseHolidays(year), earlyCloses: nyseEarlyCloses(year) };
    byYear.set(year, entry);
  }
  return entry;
}

/** Whether `at` falls in the NYSE regular session: 09:30–16:00 New York, 13:00 on early-close days. */
export function nyseSession(at: Date): NyseSession {
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  const date = local.toISODate()!;
  if (local.weekday >= 6) return { open: false, reason: `weekend (${local.weekdayLong} ${date})` };
  const { holidays, earlyCloses } = calendar(local.year);
  const holiday = holidays.get(date);
  if (holiday) return { open: false, reason: `NYSE holiday: ${holiday} (${date})` };
  const minutes = local.hour * 60 + local.minute;
  if (minutes < OPEN_MINUTES) return { open: false, reason: `before the open (09:30 ${ZONE}, ${date})` };
  const early = earlyCloses.get(date);
  if (early && minutes >= EARLY_CLOSE_MINUTES) return { open: false, reason: `after the close (13:00 ${ZONE}, early close: ${early}, ${date})` };
  if (minutes >= CLOSE_MINUTES) return { open: false, reason: `after the close (16:00 ${ZONE}, ${date})` };
  return { open: true, reason: null };
}

interface SessionHours {
  open: number;
  close: number;
}
const sessionsByYear = new Map<number, SessionHours[]>();

const DAY_MS = 86_400_000;
/** New York changes its offset at 02:00, never in a session: the offset at 17:00 UTC is the session's. */
const OFFSET_PROBE_MS = 17 * 3_600_000;

// Plain UTC day arithmetic with one offset lookup per trading day: a luxon DateTime per day made
// the first search of a process pay ~50 ms per year.
function sessionsOf(year: number): SessionHours[] {
  let sessions = sessionsByYear.get(year);
  if (!sessions) {
    sessions = [];
    const { holidays, earlyCloses } = calendar(year);
    const zone = IANAZone.create(ZONE);
    for (let day = Date.UTC(year, 0, 1); day < Date.UTC(year + 1, 0, 1); day += DAY_MS) {
      const weekday = new Date(day).getUTCDay();
      const date = new Date(day).toISOString().slice(0, 10);
      if (weekday === 0 || weekday === 6 || holidays.has(date)) continue;
      const midnight = day - zone.offset(day + OFFSET_PROBE_MS) * 60_000;
      sessions.push({ open: midnight + OPEN_MINUTES * 60_000, close: midnight + (earlyCloses.has(date) ? EARLY_CLOSE_MINUTES : CLOSE_MINUTES) * 60_000 });
    }
    sessionsByYear.set(year, sessions);
  }
  return sessions;
}

/** The regular session open at `at`, or the next one to open after it: open included, close excluded. */
export function nyseSessionFrom(at: Date): { open: Date; close: Date } {
  // Every session of the New York year before closes before its UTC year ends.
  for (let year = at.getUTCFullYear(); ; year++) {
    const sessions = sessionsOf(year);
    let [low, high] = [0, sessions.length];
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sessions[middle].close > at.getTime()) high = middle;
      else low = middle + 1;
    }
    if (low < sessions.length) return { open: new Date(sessions[low].open), close: new Date(sessions[low].close) };
  }
}

import { DateTime } from 'luxon';
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

function sessionsOf(year: number): SessionHours[] {
  let sessions = sessionsByYear.get(year);
  if (!sessions) {
    sessions = [];
    const { holidays, earlyCloses } = calendar(year);
    for (let day = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: ZONE }); day.year === year; day = day.plus({ days: 1 })) {
      const date = day.toISODate()!;
      if (day.weekday >= 6 || holidays.has(date)) continue;
      sessions.push({ open: timeOfDay(day, OPEN_MINUTES), close: timeOfDay(day, earlyCloses.has(date) ? EARLY_CLOSE_MINUTES : CLOSE_MINUTES) });
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

const timeOfDay = (day: DateTime, minutes: number): number => day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();

import { DateTime } from 'luxon';
import { nyseEarlyCloses, nyseHolidays } from './nyse-holidays.js';

const ZONE = 'America/New_York';

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
  if (minutes < 9 * 60 + 30) return { open: false, reason: `before the open (09:30 ${ZONE}, ${date})` };
  const early = earlyCloses.get(date);
  if (early && minutes >= 13 * 60) return { open: false, reason: `after the close (13:00 ${ZONE}, early close: ${early}, ${date})` };
  if (minutes >= 16 * 60) return { open: false, reason: `after the close (16:00 ${ZONE}, ${date})` };
  return { open: true, reason: null };
}

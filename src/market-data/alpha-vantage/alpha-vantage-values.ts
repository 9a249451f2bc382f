import { DateTime } from 'luxon';
import { numberOrNull } from '../yahoo/yahoo-values.js';

// Alpha Vantage sends numbers as strings ("248.2300", "-0.5852%") and writes a missing one as "None"
// (or "-"): anything that is not a finite number reads as null.
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i;

export function avNumberOrNull(value: unknown): number | null {
  if (typeof value !== 'string') return numberOrNull(value);
  const trimmed = value.trim();
  return NUMERIC.test(trimmed) ? Number(trimmed.replace('%', '')) : null;
}

/** For the numbers validation checks (bar prices, a quote's price): NaN where the vendor has none. */
export function avNumberOrNaN(value: unknown): number {
  return avNumberOrNull(value) ?? Number.NaN;
}

/** A string field, with Alpha Vantage's "None" (and empty strings) as null. */
export function avStringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value !== 'None' ? value : null;
}

const NEW_YORK = 'America/New_York';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Epoch ms of 09:30 New York on a YYYY-MM-DD date: the NYSE session open, where Yahoo stamps its
 * daily bars (14:30Z in winter, 13:30Z in summer). NaN for anything else.
 */
export function sessionOpenOfDate(date: unknown): number {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) return Number.NaN;
  const open = DateTime.fromISO(`${date}T09:30`, { zone: NEW_YORK });
  return open.isValid ? open.toMillis() : Number.NaN;
}

// The time series give their zone in the Meta Data ("US/Eastern"); the links of the tz database
// may be missing from a small ICU, so the canonical name stands in for that one.
const zoneOf = (zone: string | null): string => (zone === null || zone === 'US/Eastern' ? NEW_YORK : zone);

/** Epoch ms of a `YYYY-MM-DD HH:mm:ss` wall-clock time in `zone` (default New York); NaN if unparsable. */
export function wallClockMs(stamp: unknown, zone: string | null = null): number {
  if (typeof stamp !== 'string') return Number.NaN;
  const time = DateTime.fromFormat(stamp, 'yyyy-MM-dd HH:mm:ss', { zone: zoneOf(zone) });
  return time.isValid ? time.toMillis() : Number.NaN;
}

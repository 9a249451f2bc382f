import { DateTime } from 'luxon';

const MINUTE_MS = 60_000;

interface ZoneMinute {
  minute: number;
  offsetMs: number;
  /** What luxon writes after the milliseconds in this zone: `Z` for UTC, else `±HH:MM`. */
  suffix: string;
}

// A zone's offset changes only at whole minutes, so luxon (several µs a call, which every run
// pays a few times) is asked once per zone and minute; the rest is plain Date arithmetic.
const lastMinute = new Map<string, ZoneMinute>();

/** ISO 8601 with the zone's offset, e.g. 2025-10-22T17:00:00.000-04:00: readable in the job's own zone. */
export function isoInZone(date: Date | number, zone: string): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  const minute = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  let known = lastMinute.get(zone);
  if (known?.minute !== minute) {
    const start = DateTime.fromMillis(minute, { zone });
    const iso = start.toISO();
    if (iso === null) return new Date(ms).toISOString();
    known = { minute, offsetMs: start.offset * MINUTE_MS, suffix: iso.slice(iso.lastIndexOf('.') + 4) };
    lastMinute.set(zone, known);
  }
  return new Date(ms + known.offsetMs).toISOString().slice(0, -1) + known.suffix;
}

import { DateTime } from 'luxon';

/** ISO 8601 with the zone's offset, e.g. 2025-10-22T17:00:00.000-04:00: readable in the job's own zone. */
export function isoInZone(date: Date | number, zone: string): string {
  return DateTime.fromMillis(typeof date === 'number' ? date : date.getTime(), { zone }).toISO() ?? new Date(date).toISOString();
}

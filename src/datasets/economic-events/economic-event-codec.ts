import { namedSource, STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { EconomicEvent, StoredEvent } from './economic-event.js';

// The source came last, later, and only when it is not yahoo: a row without it reads as STORED_SOURCE_DEFAULT.
type Row = [string | null, number | null, number | null, number | null, string | null, string?];

/** A release's identity, `{time}|{country}|{event}`: what a fetch of it again replaces. */
export function eventId({ time, country, event }: EconomicEvent): string {
  return `${time}|${country}|${event}`;
}

/** The values of a release beside its id, as a JSON array. */
export function encodeEventRow({ impact, actual, estimate, previous, unit, source }: EconomicEvent): string {
  const row: Row = [impact, actual, estimate, previous, unit];
  const named = namedSource(source);
  if (named) row.push(named);
  return JSON.stringify(row);
}

export function decodeEvent(id: string, row: string): StoredEvent {
  const first = id.indexOf('|');
  const second = id.indexOf('|', first + 1);
  const [impact, actual, estimate, previous, unit, source = STORED_SOURCE_DEFAULT] = JSON.parse(row) as Row;
  return { time: Number(id.slice(0, first)), country: id.slice(first + 1, second), event: id.slice(second + 1), impact, actual, estimate, previous, unit, source };
}

import type { EconomicEvent } from './economic-event.js';

type Row = [string | null, number | null, number | null, number | null, string | null];

/** A release's identity, `{time}|{country}|{event}`: what a fetch of it again replaces. */
export function eventId({ time, country, event }: EconomicEvent): string {
  return `${time}|${country}|${event}`;
}

/** The values of a release beside its id, as a JSON array. */
export function encodeEventRow({ impact, actual, estimate, previous, unit }: EconomicEvent): string {
  return JSON.stringify([impact, actual, estimate, previous, unit] satisfies Row);
}

export function decodeEvent(id: string, row: string): EconomicEvent {
  const first = id.indexOf('|');
  const second = id.indexOf('|', first + 1);
  const [impact, actual, estimate, previous, unit] = JSON.parse(row) as Row;
  return { time: Number(id.slice(0, first)), country: id.slice(first + 1, second), event: id.slice(second + 1), impact, actual, estimate, previous, unit };
}

import type { EconomicEvent } from './economic-event.js';

/**
 * Drops releases without a finite time, a country or a name (the store identifies a release by the
 * three); `valid.length + rejected` equals the input length. The input (an answer shared between
 * runs) is left as it is.
 */
export function validateEvents(events: EconomicEvent[]): { valid: EconomicEvent[]; rejected: number } {
  const valid = events.filter(({ time, country, event }) => Number.isFinite(time) && country !== '' && event !== '').map((event) => ({ ...event }));
  return { valid, rejected: events.length - valid.length };
}

import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { EconomicEvent } from './economic-event.js';

/** 2020-06-02 01:30Z, the release time of Finnhub's documented example. */
export const RELEASED_T0 = Date.parse('2020-06-02T01:30:00Z');

/** A release `hours` after {@link RELEASED_T0}, like the documented Australian current account balance. */
export function makeEvent(hours: number, overrides: Partial<EconomicEvent> = {}): EconomicEvent {
  return { time: RELEASED_T0 + hours * 3_600_000, country: 'AU', event: 'Australia - Current Account Balance', impact: 'low', actual: 8.4, estimate: 6.9, previous: 1, unit: 'AUD', source: STORED_SOURCE_DEFAULT, ...overrides };
}

import type { EconomicEvent, StoredEvent } from './economic-event.js';

export interface EconomicEventsQuery {
  /** Inclusive bounds of the release time, epoch ms. */
  from?: number;
  to?: number;
  /** Upper-case country codes; empty or absent: every country. */
  countries?: string[];
  /** The earliest this many of the range. */
  limit?: number;
}

/**
 * The releases of an economic calendar at `{prefix}:economic_events`, one per release time, country
 * and name: a release fetched again replaces the stored one (its actual value arrives after the
 * estimate), and is never stored twice.
 */
export interface EconomicEventStore {
  /** Stores the events, drops those released before `keepFrom` (epoch ms); returns how many were new or changed. */
  write(prefix: string, events: EconomicEvent[], keepFrom: number): Promise<number>;
  /** The stored events of the query, oldest first. */
  range(prefix: string, query?: EconomicEventsQuery): Promise<StoredEvent[]>;
  /** Whether any event is stored under `prefix`. */
  has(prefix: string): Promise<boolean>;
}

export const ECONOMIC_EVENT_STORE = Symbol('ECONOMIC_EVENT_STORE');

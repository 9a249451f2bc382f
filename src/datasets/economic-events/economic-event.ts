import type { Sourced } from '../../market-data/bar.js';
import type { RequestContext } from '../dataset.js';

/** One release of an economic calendar (a provider's, e.g. Finnhub's `/calendar/economic`). */
export interface EconomicEvent {
  /** Epoch ms of the release. */
  time: number;
  /** ISO 3166 alpha-2, upper-case, e.g. `US`. */
  country: string;
  /** The release's name, e.g. `Initial Jobless Claims`. */
  event: string;
  /** `low`, `medium` or `high`; null when the provider gives none. */
  impact: string | null;
  actual: number | null;
  estimate: number | null;
  previous: number | null;
  /** Unit of the values, e.g. `%`; null when none. */
  unit: string | null;
  /** The provider that gave the release. */
  source?: string;
}

/** A release as the store reads it back, with its source. */
export type StoredEvent = Sourced<EconomicEvent>;

export interface EconomicEventsRequest extends RequestContext {
  /** Inclusive start of the window. */
  from: Date;
  /** Inclusive end of the window. */
  to: Date;
  /** Upper-case country codes; empty for every country. */
  countries: string[];
}

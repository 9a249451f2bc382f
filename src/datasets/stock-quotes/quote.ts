import type { Sourced } from '../../market-data/bar.js';
import type { RequestContext } from '../dataset.js';

/**
 * One quote as stored and served. `time` is Yahoo's `regularMarketTime` (epoch ms): one entry per
 * distinct time, so a re-fetch of an unchanged quote is not stored twice. A price or time the
 * provider lacks is NaN, so that validation drops the quote and counts it.
 */
export interface Quote {
  time: number;
  price: number;
  change: number | null;
  change_percent: number | null;
  volume: number | null;
  open: number | null;
  day_high: number | null;
  day_low: number | null;
  previous_close: number | null;
  bid: number | null;
  ask: number | null;
  market_state: string | null;
  currency: string | null;
  /** The provider that gave the quote; set when it is stored. */
  source?: string;
}

/** A quote as the store reads it back, with its source. */
export type StoredQuote = Sourced<Quote>;

export interface QuotesRequest extends RequestContext {
  /** Upper-case symbols, answered by one provider request. */
  symbols: string[];
}

/** The quotes of the symbols the provider knows, keyed by upper-case symbol; unknown symbols are absent. */
export type QuotesAnswer = Record<string, Quote>;

import type { SymbolKeyId } from '../dataset.js';
import type { Quote, StoredQuote } from './quote.js';

/**
 * A symbol's quote time series at `{prefix}:{SYMBOL}:quotes`: one entry per distinct `time`, oldest
 * trimmed past the retention as new ones arrive.
 */
export interface QuoteStore {
  /** Adds the quotes whose time the series lacks, drops those older than `keepFrom` (epoch ms); returns how many were new. */
  append(id: SymbolKeyId, quotes: Quote[], keepFrom: number): Promise<number>;
  /** Quotes with `from <= time <= to`, oldest first; the newest `limit` of them when given. */
  range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<StoredQuote[]>;
  /** The newest quote of each symbol that has one, in one store round trip. */
  latest(prefix: string, symbols: string[]): Promise<Record<string, StoredQuote>>;
}

export const QUOTE_STORE = Symbol('QUOTE_STORE');

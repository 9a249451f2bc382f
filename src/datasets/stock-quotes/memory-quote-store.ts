import { sourced } from '../../market-data/bar.js';
import { assertRangeBounds } from '../../storage/bar-store.js';
import { keys } from '../../storage/keys.js';
import type { SymbolKeyId } from '../dataset.js';
import type { QuoteStore } from './quote-store.js';
import type { Quote, StoredQuote } from './quote.js';

/**
 * In-process {@link QuoteStore} with the Redis adapter's semantics: series keyed like the Redis keys
 * (symbols case-insensitive), the stored quote of a time kept, quotes before the retention dropped.
 */
export class MemoryQuoteStore implements QuoteStore {
  private readonly series = new Map<string, Map<number, StoredQuote>>();

  async append(id: SymbolKeyId, quotes: Quote[], keepFrom: number): Promise<number> {
    const key = keys.quotes(id);
    const stored = this.series.get(key) ?? new Map<number, StoredQuote>();
    let added = 0;
    for (const quote of quotes) {
      if (quote.time < keepFrom || stored.has(quote.time)) continue;
      stored.set(quote.time, sourced({ ...quote, market_state: quote.market_state || null, currency: quote.currency || null }));
      added++;
    }
    for (const time of stored.keys()) if (time < keepFrom) stored.delete(time);
    if (stored.size > 0) this.series.set(key, stored);
    else this.series.delete(key);
    return added;
  }

  async range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<StoredQuote[]> {
    assertRangeBounds(from, to);
    const quotes = this.sorted(keys.quotes(id)).filter((quote) => quote.time >= (from ?? -Infinity) && quote.time <= (to ?? Infinity));
    return quotes.slice(limit === undefined ? 0 : Math.max(0, quotes.length - limit)).map((quote) => ({ ...quote }));
  }

  async latest(prefix: string, symbols: string[]): Promise<Record<string, StoredQuote>> {
    const latest: Record<string, StoredQuote> = {};
    for (const symbol of symbols) {
      const newest = this.sorted(keys.quotes({ prefix, symbol })).at(-1);
      if (newest) latest[symbol.toUpperCase()] = { ...newest };
    }
    return latest;
  }

  private sorted(key: string): StoredQuote[] {
    return [...(this.series.get(key)?.values() ?? [])].sort((a, b) => a.time - b.time);
  }
}

import { createHash } from 'node:crypto';
import type { BodyFunction } from './fake-yahoo.js';
import { QUOTE_RECORDINGS, SEARCH_RECORDINGS, loadRecording } from './fake-yahoo-fixtures.js';

// Quote and news answers for any symbol, for benchmarks that need hundreds of them:
//   yahoo.override('*', { body: await syntheticQuotes({ time: () => now }) }, 'quote');
//   yahoo.override('*', { body: await syntheticNews() }, 'search');
// Both copy AAPL's recorded answer (every field yahoo-finance2 reads) and change what names the item.

type Item = Record<string, unknown>;

/** A value, or a function asked at every request (a benchmark moves it on between runs). */
export type PerRequest<T> = T | (() => T);
const valueOf = <T>(value: PerRequest<T>): T => (typeof value === 'function' ? (value as () => T)() : value);

export interface SyntheticQuotesOptions {
  /** `regularMarketTime` of every quote, epoch seconds; default the recording's (2025-02-14 21:00Z). */
  time?: PerRequest<number>;
  /**
   * Moves the price, change, volume, bid and ask on with the time, as a trading day does (a quote a
   * minute then differs from the one before in those fields); default: only the time differs.
   */
  trading?: boolean;
}

/** The fields a minute of trading moves, `minutes` after the recorded quote: a walk of cents around it. */
function traded(template: Item, minutes: number): Item {
  const price = Math.round(((template.regularMarketPrice as number) + (((minutes * 37) % 101) - 50) / 100) * 100) / 100;
  const change = Math.round((price - (template.regularMarketPreviousClose as number)) * 100) / 100;
  return {
    regularMarketPrice: price,
    regularMarketChange: change,
    regularMarketChangePercent: Math.round((change / (template.regularMarketPreviousClose as number)) * 1e6) / 1e4,
    regularMarketVolume: (template.regularMarketVolume as number) + minutes * 61_237,
    bid: Math.round((price - 0.02) * 100) / 100,
    ask: Math.round((price + 0.03) * 100) / 100,
  };
}

/** Answers `/v7/finance/quote` with one quote per symbol of the batch, whatever the symbols. */
export async function syntheticQuotes(options: SyntheticQuotesOptions = {}): Promise<BodyFunction> {
  const body = (await loadRecording(QUOTE_RECORDINGS.AAPL)).json as { quoteResponse: { result: Item[] } };
  const [template] = body.quoteResponse.result;
  return (request) => {
    const time = valueOf(options.time ?? (template.regularMarketTime as number));
    const moved = options.trading ? traded(template, Math.round((time - (template.regularMarketTime as number)) / 60)) : {};
    const result = request.symbols.map((symbol) => ({ ...template, ...moved, symbol, shortName: symbol, longName: symbol, displayName: symbol, regularMarketTime: time }));
    return { quoteResponse: { result, error: null } };
  };
}

export interface SyntheticNewsOptions {
  /**
   * Number of the symbol's newest article: the answer is articles `first`, `first - 1`, … (as many as
   * `newsCount` asks), each with a uuid of its own symbol and number, published `spacingSeconds` after
   * the one before. Raising it between runs makes news arrive; default 0 (every run finds the same articles).
   */
  first?: PerRequest<number>;
  /** Seconds between the publish times of consecutive articles; default 60. */
  spacingSeconds?: number;
}

/** A uuid-shaped id that is the same for the same symbol and number. */
function uuidOf(symbol: string, n: number): string {
  const hex = createHash('sha1').update(`${symbol}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Answers `/v1/finance/search?q=SYMBOL` with `newsCount` articles about the symbol, whatever the symbol. */
export async function syntheticNews(options: SyntheticNewsOptions = {}): Promise<BodyFunction> {
  const body = (await loadRecording(SEARCH_RECORDINGS.AAPL)).json as { news: Item[] };
  const published = body.news[0].providerPublishTime as number;
  const spacing = options.spacingSeconds ?? 60;
  return (request) => {
    const [symbol = ''] = request.symbols;
    const first = valueOf(options.first ?? 0);
    const count = Number(request.query.newsCount ?? body.news.length);
    const news = Array.from({ length: count }, (_, i) => {
      const n = first - i;
      const template = body.news[((n % body.news.length) + body.news.length) % body.news.length];
      return { ...template, uuid: uuidOf(symbol, n), title: `${symbol} #${n}: ${String(template.title)}`, providerPublishTime: published + n * spacing, relatedTickers: [symbol] };
    });
    return { ...body, quotes: [], news };
  };
}

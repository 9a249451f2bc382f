import {
  GetOptionsChainOrderEnum,
  GetOptionsChainSortEnum,
  GetStocksAggregatesSortEnum,
  ListNewsOrderEnum,
  ListNewsSortEnum,
  restClient,
} from '@massive.com/client-js';
import type { CompanyProfile, SymbolRequest } from '../../datasets/company-info/company-profile.js';
import type { NewsArticle, NewsRequest } from '../../datasets/news-data/news-article.js';
import type { OptionChain, OptionsRequest } from '../../datasets/options-chain/option-chain.js';
import type { QuotesAnswer, QuotesRequest } from '../../datasets/stock-quotes/quote.js';
import type { Chart } from '../bar.js';
import type { BarRequest, MarketDataProvider } from '../market-data-provider.js';
import { InvalidResponseError } from '../provider-errors.js';
import { onlyYahooKnows, vendorSymbol } from '../vendor-symbol.js';
import { aggregateRange, isSessionRange, newYorkDate, toActions, toBars, type AggregateRange } from './polygon-chart.mapper.js';
import { mapPolygonError } from './polygon-errors.js';
import { toOptionChain } from './polygon-options.mapper.js';
import { toQuotesAnswer } from './polygon-quotes.mapper.js';
import { toCompanyProfile, toNewsArticles } from './polygon-reference.mapper.js';

/** The client's default origin (api.polygon.io still answers, under the old name). */
export const POLYGON_DEFAULT_BASE_URL = 'https://api.massive.com';
const DEFAULT_TIMEOUT_MS = 10_000;
// The most aggregates one request may return (Polygon's documented maximum); 50 000 minutes ≈ 128 sessions.
const AGGREGATE_LIMIT = 50_000;
// The most reference rows (dividends, splits) and option contracts one page holds.
const REFERENCE_LIMIT = 1000;
const OPTIONS_LIMIT = 250;

type MassiveClient = ReturnType<typeof restClient>;
type RequestOptions = NonNullable<Parameters<MassiveClient['getTicker']>[1]>;

export interface PolygonMarketDataProviderOptions {
  /** Sent as `Authorization: Bearer`, never in a URL. */
  apiKey: string;
  /** Origin of every request (POLYGON_BASE_URL); default {@link POLYGON_DEFAULT_BASE_URL}. */
  baseUrl?: string | null;
  /** Transport; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request limit in milliseconds, default 10 000. */
  timeoutMs?: number;
}

/**
 * {@link MarketDataProvider} backed by Polygon.io (now Massive) through its official client `@massive.com/client-js`:
 * bars with dividends and splits, snapshot quotes, options chains, ticker details and news. Polygon has no earnings.
 */
export class PolygonMarketDataProvider implements MarketDataProvider {
  private readonly client: MassiveClient;
  private readonly requestOptions: RequestOptions;
  private readonly apiKey: string;

  constructor(options: PolygonMarketDataProviderOptions) {
    this.apiKey = options.apiKey;
    // An empty key keeps the client from adding `apiKey=` to every URL: the key travels in the header below.
    this.client = restClient('', options.baseUrl ?? POLYGON_DEFAULT_BASE_URL);
    this.requestOptions = {
      headers: { Authorization: `Bearer ${options.apiKey}` },
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // axios's fetch adapter with our fetch, so that the transport can be replaced like Yahoo's.
      adapter: 'fetch',
      env: { fetch: options.fetch ?? globalThis.fetch },
    };
  }

  /**
   * Bars of `[from, to)` from the aggregates endpoint; for daily and longer bars also the window's dividends and
   * splits (three requests, sent together). An interval Polygon lacks is refused without a request.
   */
  async fetchChart({ symbol, interval, from, to }: BarRequest): Promise<Chart> {
    const range = aggregateRange(interval);
    if (!range) throw new InvalidResponseError(`Polygon has no ${interval} bars (requested for ${symbol})`);
    const ticker = vendorSymbol(symbol, 'Polygon');
    if (to.getTime() <= from.getTime()) return { bars: [], actions: [] };
    const [bars, actions] = await Promise.all([
      this.call(symbol, (o) => this.client.getStocksAggregates(this.aggregatesRequest(ticker, range, from, to), o)),
      isSessionRange(range) ? this.fetchActions(symbol, ticker, from, to) : Promise.resolve([]),
    ]);
    return { bars: toBars(bars, range, from, to), actions };
  }

  /** Every symbol's snapshot in ONE request (`tickers=A,B`); symbols only Yahoo knows, or Polygon does not answer, are absent. */
  async fetchQuotes({ symbols }: QuotesRequest): Promise<QuotesAnswer> {
    const symbolOf = new Map(symbols.filter((s) => !onlyYahooKnows(s)).map((s) => [vendorSymbol(s, 'Polygon'), s]));
    if (symbolOf.size === 0) return {};
    // One comma-separated value: the client would send an array as `tickers=A&tickers=B`, which Polygon does not read as a list.
    const tickers = [[...symbolOf.keys()].join(',')];
    const answer = await this.call(symbols.join(','), (o) => this.client.getStocksSnapshotTickers({ tickers }, o));
    return toQuotesAnswer(answer, symbolOf);
  }

  /** One expiration's chain from the options chain snapshot: `expiration`'s, else the soonest listed. */
  async fetchOptions({ symbol, expiration }: OptionsRequest): Promise<OptionChain> {
    const underlyingAsset = vendorSymbol(symbol, 'Polygon');
    const expirationDate = expiration === undefined ? undefined : new Date(expiration).toISOString().slice(0, 10);
    const request = { underlyingAsset, expirationDate, sort: GetOptionsChainSortEnum.ExpirationDate, order: GetOptionsChainOrderEnum.Asc, limit: OPTIONS_LIMIT };
    return toOptionChain(await this.call(symbol, (o) => this.client.getOptionsChain(request, o)), expiration);
  }

  /** The profile from ticker details (`/v3/reference/tickers/{ticker}`); an unknown ticker is a 404. */
  async fetchProfile({ symbol }: SymbolRequest): Promise<CompanyProfile> {
    const ticker = vendorSymbol(symbol, 'Polygon');
    return toCompanyProfile(await this.call(symbol, (o) => this.client.getTicker({ ticker }, o)));
  }

  /** The newest `count` articles naming the ticker; none is not an error. */
  async fetchNews({ symbol, count }: NewsRequest): Promise<NewsArticle[]> {
    const ticker = vendorSymbol(symbol, 'Polygon');
    const request = { ticker, limit: count, order: ListNewsOrderEnum.Desc, sort: ListNewsSortEnum.PublishedUtc };
    return toNewsArticles(await this.call(symbol, (o) => this.client.listNews(request, o)));
  }

  private aggregatesRequest(stocksTicker: string, range: AggregateRange, from: Date, to: Date) {
    // Whole New York dates around the window, both ends inclusive at Polygon; toBars keeps `[from, to)`.
    const window = { from: newYorkDate(from), to: newYorkDate(new Date(to.getTime() - 1)) };
    return { stocksTicker, ...range, ...window, adjusted: true, sort: GetStocksAggregatesSortEnum.Asc, limit: AGGREGATE_LIMIT };
  }

  private async fetchActions(symbol: string, ticker: string, from: Date, to: Date) {
    const dates = { gte: newYorkDate(from), lte: newYorkDate(new Date(to.getTime() - 1)) };
    const [dividends, splits] = await Promise.all([
      this.call(symbol, (o) =>
        this.client.listDividends({ ticker, exDividendDateGte: dates.gte, exDividendDateLte: dates.lte, limit: REFERENCE_LIMIT }, o),
      ),
      this.call(symbol, (o) =>
        this.client.listStockSplits({ ticker, executionDateGte: dates.gte, executionDateLte: dates.lte, limit: REFERENCE_LIMIT }, o),
      ),
    ]);
    return toActions(dividends, splits, from, to);
  }

  /** Runs one client call, turning what it throws into typed errors and refusing a body that is not JSON. */
  private async call(what: string, request: (options: RequestOptions) => Promise<unknown>): Promise<unknown> {
    let answer: unknown;
    try {
      answer = await request(this.requestOptions);
    } catch (error) {
      throw mapPolygonError(error, this.apiKey);
    }
    // axios hands over a body it could not parse as a string.
    if (typeof answer !== 'object' || answer === null) throw new InvalidResponseError(`Polygon's answer for ${what} is not JSON`);
    return answer;
  }
}

import type { CompanyProfile, SymbolRequest } from '../../datasets/company-info/company-profile.js';
import type { Earnings } from '../../datasets/earnings-data/earnings.js';
import type { NewsArticle, NewsRequest } from '../../datasets/news-data/news-article.js';
import type { QuotesAnswer, QuotesRequest } from '../../datasets/stock-quotes/quote.js';
import type { Chart } from '../bar.js';
import type { BarRequest, MarketDataProvider } from '../market-data-provider.js';
import { InvalidResponseError, SymbolNotFoundError } from '../provider-errors.js';
import { vendorSymbol } from '../vendor-symbol.js';
import { seriesCall, toBars } from './alpha-vantage-chart.mapper.js';
import { calendarDates, toEarnings } from './alpha-vantage-earnings.mapper.js';
import { toNewsArticles } from './alpha-vantage-news.mapper.js';
import { toCompanyProfile } from './alpha-vantage-profile.mapper.js';
import { toQuote } from './alpha-vantage-quote.mapper.js';
import { type AlphaVantageTransport, requestCsv, requestJson } from './alpha-vantage-request.js';

const VENDOR = 'Alpha Vantage';
export const ALPHA_VANTAGE_ORIGIN = 'https://www.alphavantage.co';
const DEFAULT_TIMEOUT_MS = 10_000;

export interface AlphaVantageMarketDataProviderOptions {
  /** The key (ALPHA_VANTAGE_API_KEY); Alpha Vantage takes it only in the query, and no error or log names it. */
  apiKey: string;
  /** Origin that receives every request instead of Alpha Vantage's (ALPHA_VANTAGE_BASE_URL); any path is ignored. */
  baseUrl?: string | null;
  /** Transport; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request limit in milliseconds, default 10 000. */
  timeoutMs?: number;
  /** The clock, for the compact-or-full choice and the time of an in-session quote. */
  now?: () => number;
}

/**
 * {@link MarketDataProvider} backed by Alpha Vantage's documented API (`GET /query?function=…`):
 * daily and intraday bars, quotes, company overview, earnings and news. One request per symbol
 * (earnings: two), each counting against the key's quota (free: 25 a day).
 */
export class AlphaVantageMarketDataProvider implements MarketDataProvider {
  private readonly transport: AlphaVantageTransport;
  private readonly now: () => number;

  constructor(options: AlphaVantageMarketDataProviderOptions) {
    this.transport = {
      apiKey: options.apiKey,
      baseUrl: options.baseUrl ?? ALPHA_VANTAGE_ORIGIN,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    };
    this.now = options.now ?? Date.now;
  }

  /** Bars of `[from, to)` via TIME_SERIES_DAILY (`1d`, unadjusted) or TIME_SERIES_INTRADAY (`1m`…`60m`/`1h`); no corporate actions. */
  async fetchChart({ symbol, interval, from, to }: BarRequest): Promise<Chart> {
    const call = seriesCall(vendorSymbol(symbol, VENDOR), interval, from, this.now());
    if (call === null) throw new InvalidResponseError(`${VENDOR} has no ${interval} bars (requested for ${symbol})`);
    if (to.getTime() <= from.getTime()) return { bars: [], actions: [] };
    const body = await requestJson(this.transport, { function: call.function, symbol, params: call.params });
    return { bars: toBars(body, call, from, to, `${VENDOR} ${call.function} for ${symbol}`), actions: [] };
  }

  /**
   * One GLOBAL_QUOTE request per symbol, one after the other (Alpha Vantage has no batch quote on
   * the free plan). A symbol it does not know, or only Yahoo knows, is absent; any other failure
   * fails the whole answer, as a failed batch request would.
   */
  async fetchQuotes({ symbols }: QuotesRequest): Promise<QuotesAnswer> {
    const quotes: QuotesAnswer = {};
    for (const symbol of symbols) {
      try {
        const body = await requestJson(this.transport, { function: 'GLOBAL_QUOTE', symbol, params: { symbol: vendorSymbol(symbol, VENDOR) } });
        const quote = toQuote(body, this.now());
        if (quote) quotes[symbol] = quote;
      } catch (error) {
        if (!(error instanceof SymbolNotFoundError)) throw error;
      }
    }
    return quotes;
  }

  /** The profile via OVERVIEW. */
  async fetchProfile({ symbol }: SymbolRequest): Promise<CompanyProfile> {
    const body = await requestJson(this.transport, { function: 'OVERVIEW', symbol, params: { symbol: vendorSymbol(symbol, VENDOR) } });
    return toCompanyProfile(body) ?? notFound(symbol, 'OVERVIEW');
  }

  /** Quarterly EPS via EARNINGS, and the next report dates via EARNINGS_CALENDAR (CSV, the coming 3 months). */
  async fetchEarnings({ symbol }: SymbolRequest): Promise<Earnings> {
    const params = { symbol: vendorSymbol(symbol, VENDOR) };
    const body = await requestJson(this.transport, { function: 'EARNINGS', symbol, params });
    // Asked only for a symbol EARNINGS knows: the calendar answers an unknown one with its header alone.
    const known = Object.keys(body).length > 0;
    const csv = known ? await requestCsv(this.transport, { function: 'EARNINGS_CALENDAR', symbol, params: { ...params, horizon: '3month' } }) : '';
    return toEarnings(body, calendarDates(csv, params.symbol)) ?? notFound(symbol, 'EARNINGS');
  }

  /** The newest `count` articles tagged with the symbol via NEWS_SENTIMENT; none is not an error. */
  async fetchNews({ symbol, count }: NewsRequest): Promise<NewsArticle[]> {
    const params = { tickers: vendorSymbol(symbol, VENDOR), limit: String(count), sort: 'LATEST' };
    const body = await requestJson(this.transport, { function: 'NEWS_SENTIMENT', symbol, params });
    return toNewsArticles(body, `${VENDOR} NEWS_SENTIMENT for ${symbol}`).slice(0, count);
  }
}

function notFound(symbol: string, fn: string): never {
  throw new SymbolNotFoundError(`${VENDOR} has no ${symbol}: ${fn} answered {}`);
}

import type { CompanyProfile, SymbolRequest } from '../../datasets/company-info/company-profile.js';
import type { Earnings } from '../../datasets/earnings-data/earnings.js';
import type { EconomicEvent, EconomicEventsRequest } from '../../datasets/economic-events/economic-event.js';
import type { NewsArticle, NewsRequest } from '../../datasets/news-data/news-article.js';
import type { QuotesAnswer, QuotesRequest } from '../../datasets/stock-quotes/quote.js';
import type { MarketDataProvider } from '../market-data-provider.js';
import { onlyYahooKnows, vendorSymbol } from '../vendor-symbol.js';
import { toFinnhubEarnings } from './finnhub-earnings.mapper.js';
import { toFinnhubEconomicEvents } from './finnhub-economic.mapper.js';
import { FINNHUB_ORIGIN, FinnhubHttp } from './finnhub-http.js';
import { toFinnhubNews } from './finnhub-news.mapper.js';
import { toFinnhubProfile } from './finnhub-profile.mapper.js';
import { toFinnhubQuote } from './finnhub-quotes.mapper.js';
import { isoDate } from './finnhub-values.js';

const DAY_MS = 86_400_000;
/** How far ahead the earnings calendar is asked for the next release: more than a quarter. */
const EARNINGS_AHEAD_DAYS = 120;
/** How far back company news is asked for: the newest `count` articles come from these days. */
const NEWS_BACK_DAYS = 7;

export interface FinnhubMarketDataProviderOptions {
  /** FINNHUB_API_KEY; sent in the `X-Finnhub-Token` header, never in a URL. */
  apiKey: string;
  /** Origin that receives every request (FINNHUB_BASE_URL), default https://finnhub.io. */
  baseUrl?: string | null;
  /** Transport; defaults to the global fetch. */
  fetch?: typeof fetch;
  /**
   * Per-request limit in milliseconds, default 10 000. `fetchQuotes` makes one request per symbol and
   * `fetchEarnings` two: a quota counted in requests wraps `fetch`; what it throws (e.g.
   * QuotaExceededError) fails the call unsent.
   */
  timeoutMs?: number;
}

const daysFrom = (at: Date, days: number) => isoDate(new Date(at.getTime() + days * DAY_MS));

/**
 * {@link MarketDataProvider} backed by Finnhub's REST API (https://finnhub.io/docs/api): quotes, company
 * profiles, earnings, company news and the economic calendar. No bars: `/stock/candle` needs a premium
 * plan. Requests name symbols as Finnhub writes them (`BRK.B`); answers are keyed by the job's symbols.
 */
export class FinnhubMarketDataProvider implements MarketDataProvider {
  private readonly http: FinnhubHttp;

  constructor(options: FinnhubMarketDataProviderOptions) {
    this.http = new FinnhubHttp({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl ?? FINNHUB_ORIGIN,
      fetch: options.fetch ?? globalThis.fetch,
      timeoutMs: options.timeoutMs ?? 10_000,
    });
  }

  /**
   * One `/quote` request per symbol, one after the other (Finnhub has no batch quote, and caps every
   * key at 30 requests a second); symbols it does not know, or only Yahoo knows, are absent. The first
   * failure fails the batch.
   */
  async fetchQuotes({ symbols }: QuotesRequest): Promise<QuotesAnswer> {
    const quotes: QuotesAnswer = {};
    for (const symbol of symbols.filter((s) => !onlyYahooKnows(s))) {
      const quote = toFinnhubQuote(await this.http.get('/quote', { symbol: vendorSymbol(symbol, 'finnhub') }));
      if (quote) quotes[symbol] = quote;
    }
    return quotes;
  }

  /** The profile via `/stock/profile2`; SymbolNotFoundError for a symbol Finnhub does not know. */
  async fetchProfile({ symbol }: SymbolRequest): Promise<CompanyProfile> {
    return toFinnhubProfile(await this.http.get('/stock/profile2', { symbol: vendorSymbol(symbol, 'finnhub') }), symbol);
  }

  /** Quarterly EPS via `/stock/earnings` and the next release dates via `/calendar/earnings`: two requests. */
  async fetchEarnings({ symbol }: SymbolRequest): Promise<Earnings> {
    const asked = vendorSymbol(symbol, 'finnhub');
    const today = new Date();
    const [surprises, calendar] = await Promise.all([
      this.http.get('/stock/earnings', { symbol: asked }),
      this.http.get('/calendar/earnings', { symbol: asked, from: isoDate(today), to: daysFrom(today, EARNINGS_AHEAD_DAYS) }),
    ]);
    return toFinnhubEarnings(surprises, calendar, symbol);
  }

  /** The newest `count` articles of the last days via `/company-news`; none is not an error. */
  async fetchNews({ symbol, count }: NewsRequest): Promise<NewsArticle[]> {
    const today = new Date();
    const query = { symbol: vendorSymbol(symbol, 'finnhub'), from: daysFrom(today, -NEWS_BACK_DAYS), to: isoDate(today) };
    return toFinnhubNews(await this.http.get('/company-news', query), symbol, count);
  }

  /**
   * The releases of `[from, to]` via `/calendar/economic`, of `countries` only when any are given.
   * Finnhub's docs mark the endpoint Premium: a key whose plan lacks it gets DatasetUnsupportedError.
   */
  async fetchEconomicEvents(request: EconomicEventsRequest): Promise<EconomicEvent[]> {
    const answer = await this.http.get('/calendar/economic', { from: isoDate(request.from), to: isoDate(request.to) });
    return toFinnhubEconomicEvents(answer, request);
  }
}

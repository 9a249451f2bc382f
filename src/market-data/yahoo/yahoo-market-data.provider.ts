import YahooFinance from 'yahoo-finance2';
import { ExtendedCookieJar } from 'yahoo-finance2/lib/cookieJar';
import type { ChartResultArray } from 'yahoo-finance2/modules/chart';
import type { CompanyProfile, SymbolRequest } from '../../datasets/company-info/company-profile.js';
import type { Earnings } from '../../datasets/earnings-data/earnings.js';
import type { NewsArticle, NewsRequest } from '../../datasets/news-data/news-article.js';
import type { OptionChain, OptionsRequest } from '../../datasets/options-chain/option-chain.js';
import type { QuotesAnswer, QuotesRequest } from '../../datasets/stock-quotes/quote.js';
import type { Chart } from '../bar.js';
import type { BarRequest, MarketDataProvider } from '../market-data-provider.js';
import { InvalidResponseError } from '../provider-errors.js';
import { isChartInterval, toActions, toBar } from './yahoo-chart.mapper.js';
import { CrumbReset, isStaleCrumb } from './yahoo-crumb.js';
import { toEarnings } from './yahoo-earnings.mapper.js';
import { mapYahooError } from './yahoo-error-mapper.js';
import { createYahooFetch } from './yahoo-fetch.js';
import { createYahooLogger } from './yahoo-logger.js';
import { toNewsArticles } from './yahoo-news.mapper.js';
import { toOptionChain } from './yahoo-options.mapper.js';
import { toCompanyProfile } from './yahoo-profile.mapper.js';
import { toQuotesAnswer } from './yahoo-quotes.mapper.js';

const DEFAULT_TIMEOUT_MS = 10_000;

// Answers read field by field (see the mappers): one malformed quote, contract or article never fails the others.
const UNVALIDATED = { validateResult: false } as const;

export interface YahooMarketDataProviderOptions {
  /** Origin that receives every request instead of Yahoo's hosts (YAHOO_BASE_URL); path and query are kept. */
  baseUrl?: string | null;
  /** Transport; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Per-request limit in milliseconds, default 10 000. */
  timeoutMs?: number;
  /** Requests in flight at once; yahoo-finance2 queues beyond it (its own default is 4). */
  concurrency?: number;
}

/** Names a quote batch in error messages without listing 50 symbols. */
const batchName = (symbols: readonly string[]) => (symbols.length === 1 ? symbols[0] : `${symbols[0]} and ${symbols.length - 1} more`);

/** {@link MarketDataProvider} backed by Yahoo Finance through yahoo-finance2: every dataset but economic events. */
export class YahooMarketDataProvider implements MarketDataProvider {
  private readonly yahooFinance: InstanceType<typeof YahooFinance>;
  private readonly crumb: CrumbReset;

  constructor(options: YahooMarketDataProviderOptions = {}) {
    // Its own jar: the library's default one is shared by every instance in the process.
    const cookieJar = new ExtendedCookieJar();
    this.crumb = new CrumbReset(cookieJar);
    this.yahooFinance = new YahooFinance({
      fetch: createYahooFetch({
        baseUrl: options.baseUrl ?? null,
        fetch: options.fetch ?? globalThis.fetch,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      }),
      // The check would call the npm registry with the global fetch, bypassing baseUrl.
      versionCheck: false,
      suppressNotices: ['yahooSurvey'],
      // Validation details travel in InvalidResponseError; the library's own report is a long issue-filing guide.
      validation: { logErrors: false },
      logger: createYahooLogger(),
      cookieJar,
      ...(options.concurrency && { queue: { concurrency: options.concurrency } }),
    });
  }

  /**
   * Fetches the bars and corporate actions of `[from, to)` via `chart()`. Throws the errors of `provider-errors.ts`;
   * a window without trading gives an empty array.
   */
  async fetchChart({ symbol, interval, from, to }: BarRequest): Promise<Chart> {
    if (!isChartInterval(interval)) {
      throw new InvalidResponseError(`Yahoo has no ${interval} bars (requested for ${symbol})`);
    }
    // Yahoo takes whole seconds, and yahoo-finance2 rejects period1 === period2.
    if (Math.floor(to.getTime() / 1000) <= Math.floor(from.getTime() / 1000)) return { bars: [], actions: [] };
    const result: ChartResultArray = await this.call(symbol, () =>
      this.yahooFinance.chart(symbol, { period1: from, period2: to, interval, events: 'div|split' }),
    );
    return { bars: result.quotes.map(toBar), actions: toActions(result.events) };
  }

  /** The quotes of every symbol in ONE `quote()` request; symbols Yahoo does not answer are absent. */
  async fetchQuotes({ symbols }: QuotesRequest): Promise<QuotesAnswer> {
    if (symbols.length === 0) return {};
    const answer: unknown = await this.call(batchName(symbols), () => this.yahooFinance.quote(symbols, {}, UNVALIDATED));
    return toQuotesAnswer(answer, symbols);
  }

  /** One expiration's chain via `options()`: the nearest one, or `expiration`'s (`date`). */
  async fetchOptions({ symbol, expiration }: OptionsRequest): Promise<OptionChain> {
    const query = expiration === undefined ? {} : { date: new Date(expiration) };
    const answer: unknown = await this.call(symbol, () => this.yahooFinance.options(symbol, query, UNVALIDATED));
    return toOptionChain(answer, symbol);
  }

  /** The profile via `quoteSummary()`'s assetProfile and price modules. */
  async fetchProfile({ symbol }: SymbolRequest): Promise<CompanyProfile> {
    return toCompanyProfile(await this.call(symbol, () => this.yahooFinance.quoteSummary(symbol, { modules: ['assetProfile', 'price'] })));
  }

  /**
   * Quarterly EPS and the next earnings dates via `quoteSummary()`'s earnings, earningsHistory and
   * calendarEvents modules. Unvalidated: Yahoo's real earnings module (recorded February 2025) lacks
   * fields that yahoo-finance2 4's schema requires, so validation would refuse every answer.
   */
  async fetchEarnings({ symbol }: SymbolRequest): Promise<Earnings> {
    const modules: Array<'earnings' | 'earningsHistory' | 'calendarEvents'> = ['earnings', 'earningsHistory', 'calendarEvents'];
    const answer: unknown = await this.call(symbol, () => this.yahooFinance.quoteSummary(symbol, { modules }, UNVALIDATED));
    return toEarnings(answer, symbol);
  }

  /** The newest `count` articles about the symbol via `search()`; none is not an error. */
  async fetchNews({ symbol, count }: NewsRequest): Promise<NewsArticle[]> {
    const answer: unknown = await this.call(symbol, () => this.yahooFinance.search(symbol, { newsCount: count, quotesCount: 0 }, UNVALIDATED));
    return toNewsArticles(answer, symbol);
  }

  /**
   * Runs one library call, turning anything it throws into the errors of `provider-errors.ts`. A
   * refused crumb is fetched anew and the call made once more.
   */
  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (!isStaleCrumb(error)) throw mapYahooError(error, what);
    }
    await this.crumb.reset();
    try {
      return await request();
    } catch (error) {
      throw mapYahooError(error, what);
    }
  }
}

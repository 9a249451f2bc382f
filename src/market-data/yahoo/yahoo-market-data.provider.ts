import YahooFinance from 'yahoo-finance2';
import type { ChartEventsArray, ChartOptions, ChartResultArray, ChartResultArrayQuote } from 'yahoo-finance2/modules/chart';
import type { Bar, Chart, CorporateAction } from '../bar.js';
import type { BarRequest, MarketDataProvider } from '../market-data-provider.js';
import { InvalidResponseError } from '../provider-errors.js';
import { mapYahooError } from './yahoo-error-mapper.js';
import { createYahooFetch } from './yahoo-fetch.js';
import { createYahooLogger } from './yahoo-logger.js';

type ChartInterval = NonNullable<ChartOptions['interval']>;

const CHART_INTERVALS: ReadonlySet<string> = new Set<ChartInterval>([
  '1m', '2m', '5m', '15m', '30m', '60m', '90m', '1h', '1d', '5d', '1wk', '1mo', '3mo',
]);

const DEFAULT_TIMEOUT_MS = 10_000;

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

function isChartInterval(interval: string): interval is ChartInterval {
  return CHART_INTERVALS.has(interval);
}

// A missing price or volume becomes NaN rather than dropping the quote here, so that the validator
// drops it and counts it in bars_rejected.
const orNaN = (value: number | null): number => value ?? Number.NaN;

function toBar(quote: ChartResultArrayQuote): Bar {
  const { open, high, low, close, volume } = quote;
  return {
    time: quote.date.getTime(),
    open: orNaN(open),
    high: orNaN(high),
    low: orNaN(low),
    close: orNaN(close),
    adj_close: quote.adjclose ?? null,
    volume: orNaN(volume),
  };
}

function toActions(events: ChartEventsArray | undefined): CorporateAction[] {
  const dividends = (events?.dividends ?? []).map((d): CorporateAction => ({ time: d.date.getTime(), kind: 'dividend', amount: d.amount }));
  const splits = (events?.splits ?? []).map(
    (s): CorporateAction => ({ time: s.date.getTime(), kind: 'split', numerator: s.numerator, denominator: s.denominator }),
  );
  return [...dividends, ...splits].sort((a, b) => a.time - b.time);
}

/** {@link MarketDataProvider} backed by Yahoo Finance's chart API through yahoo-finance2. */
export class YahooMarketDataProvider implements MarketDataProvider {
  private readonly yahooFinance: InstanceType<typeof YahooFinance>;

  constructor(options: YahooMarketDataProviderOptions = {}) {
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
    let result: ChartResultArray;
    try {
      result = await this.yahooFinance.chart(symbol, { period1: from, period2: to, interval, events: 'div|split' });
    } catch (error) {
      throw mapYahooError(error, symbol);
    }
    return { bars: result.quotes.map(toBar), actions: toActions(result.events) };
  }
}

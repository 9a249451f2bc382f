import type { RecordedRequest } from './fake-yahoo.js';

/**
 * Period-aware chart answers for the fake Yahoo (`override(symbol, { body: syntheticChart })`): one
 * daily bar per weekday whose session open (14:30 UTC) lies in `[period1, period2)` of the request,
 * in the v8 chart shape that yahoo-finance2 validates (copied from `chart-AAPL-2020-01-01-to-2020-01-03.json`).
 * Prices are a deterministic function of symbol and day, so every request for a bar gets the same
 * bar, and are float32 values widened to doubles (e.g. 74.05999755859375) as Yahoo sends them.
 */
export interface SyntheticChart {
  chart: { result: [{ meta: Record<string, unknown>; timestamp?: number[]; indicators: Record<string, unknown> }]; error: null };
}

const DAY_S = 86_400;
const SESSION_OPEN_S = 14.5 * 3600;

/** Session opens (epoch seconds) of the weekdays in `[period1, period2)`. */
export function weekdayOpens(period1: number, period2: number): number[] {
  const opens: number[] = [];
  for (let day = Math.floor(period1 / DAY_S); day * DAY_S + SESSION_OPEN_S < period2; day++) {
    const open = day * DAY_S + SESSION_OPEN_S;
    const weekday = (day + 4) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Sunday
    if (open >= period1 && weekday !== 0 && weekday !== 6) opens.push(open);
  }
  return opens;
}

const cents = (price: number) => Math.fround(Math.round(price * 100) / 100);

function seedOf(symbol: string): number {
  let hash = 7;
  for (const char of symbol) hash = (hash * 31 + char.charCodeAt(0)) % 10_007;
  return hash;
}

function barAt(symbol: string, time: number) {
  const seed = seedOf(symbol);
  const day = time / DAY_S;
  const mid = (20 + (seed % 480)) * (1 + 0.2 * Math.sin(day / 37 + seed));
  const open = cents(mid * (1 + 0.01 * Math.sin(day * 1.7 + seed)));
  const close = cents(mid * (1 + 0.01 * Math.cos(day * 2.3 + seed)));
  const spread = mid * 0.006 * (1.5 + Math.sin(day * 3.1));
  return {
    open,
    high: cents(Math.max(open, close) + spread),
    low: cents(Math.min(open, close) - spread),
    close,
    adjclose: Math.fround(close * 0.9871),
    volume: Math.round(1e6 + (seed % 97) * 1e6 * (1.2 + Math.sin(day * 0.9))),
  };
}

/** The chart answer for one request; any interval gets daily bars. */
export function syntheticChart(request: Pick<RecordedRequest, 'symbol' | 'query'>): SyntheticChart {
  const symbol = request.symbol ?? '';
  const times = weekdayOpens(Number(request.query.period1), Number(request.query.period2));
  const bars = times.map((time) => barAt(symbol, time));
  const column = <K extends keyof ReturnType<typeof barAt>>(key: K) => bars.map((bar) => bar[key]);
  const last = bars.at(-1);
  const meta = {
    currency: 'USD',
    symbol,
    exchangeName: 'NMS',
    fullExchangeName: 'NasdaqGS',
    instrumentType: 'EQUITY',
    firstTradeDate: 345479400,
    regularMarketTime: times.at(-1) ?? Number(request.query.period2),
    hasPrePostMarketData: true,
    gmtoffset: -18000,
    timezone: 'EST',
    exchangeTimezoneName: 'America/New_York',
    regularMarketPrice: last?.close ?? 100,
    regularMarketVolume: last?.volume ?? 0,
    longName: `${symbol} Inc.`,
    shortName: `${symbol} Inc.`,
    chartPreviousClose: bars[0]?.open ?? 100,
    priceHint: 2,
    currentTradingPeriod: {
      pre: { timezone: 'EST', start: 1740042000, end: 1740061800, gmtoffset: -18000 },
      regular: { timezone: 'EST', start: 1740061800, end: 1740085200, gmtoffset: -18000 },
      post: { timezone: 'EST', start: 1740085200, end: 1740099600, gmtoffset: -18000 },
    },
    dataGranularity: request.query.interval ?? '1d',
    range: '',
    validRanges: ['1d', '5d', '1mo', '3mo', '6mo', '1y', '2y', '5y', '10y', 'ytd', 'max'],
  };
  // Yahoo answers a window without trading with no timestamps and one empty quote.
  const indicators =
    bars.length === 0
      ? { quote: [{}] }
      : {
          quote: [{ open: column('open'), high: column('high'), low: column('low'), close: column('close'), volume: column('volume') }],
          adjclose: [{ adjclose: column('adjclose') }],
        };
  return { chart: { result: [{ meta, ...(times.length > 0 && { timestamp: times }), indicators }], error: null } };
}

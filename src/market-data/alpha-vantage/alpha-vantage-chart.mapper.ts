import type { Bar } from '../bar.js';
import { InvalidResponseError } from '../provider-errors.js';
import { fieldsOf, stringOrNull } from '../yahoo/yahoo-values.js';
import { avNumberOrNaN, sessionOpenOfDate, wallClockMs } from './alpha-vantage-values.js';

/** The job intervals Alpha Vantage serves, as its TIME_SERIES_INTRADAY `interval` values. */
const INTRADAY: Readonly<Record<string, string>> = { '1m': '1min', '5m': '5min', '15m': '15min', '30m': '30min', '60m': '60min', '1h': '60min' };
/** `outputsize=compact` is the latest 100 points; `full` the whole history (daily: premium, intraday: the trailing 30 days). */
const COMPACT_POINTS = 100;
const MINUTE_MS = 60_000;
// 100 sessions cover at least 140 calendar days (20 weeks of five, longer with holidays); the spare
// days allow for a series last refreshed a few days ago.
const COMPACT_DAILY_MS = 130 * 24 * 60 * MINUTE_MS;

export interface SeriesCall {
  function: 'TIME_SERIES_DAILY' | 'TIME_SERIES_INTRADAY';
  params: Record<string, string>;
  /** The answer's field holding the bars, e.g. `Time Series (5min)`. */
  seriesKey: string;
}

/**
 * The call for `interval` bars from `from` on, or null for an interval Alpha Vantage lacks. The
 * compact answer is asked for whenever it reaches back to `from`: it is the free one for daily bars
 * and a fraction of the size.
 */
export function seriesCall(symbol: string, interval: string, from: Date, now: number): SeriesCall | null {
  const age = now - from.getTime();
  if (interval === '1d') {
    const outputsize = age <= COMPACT_DAILY_MS ? 'compact' : 'full';
    return { function: 'TIME_SERIES_DAILY', params: { symbol, outputsize }, seriesKey: 'Time Series (Daily)' };
  }
  const avInterval = INTRADAY[interval];
  if (avInterval === undefined) return null;
  const outputsize = age <= COMPACT_POINTS * Number.parseInt(avInterval, 10) * MINUTE_MS ? 'compact' : 'full';
  return { function: 'TIME_SERIES_INTRADAY', params: { symbol, interval: avInterval, outputsize }, seriesKey: `Time Series (${avInterval})` };
}

/**
 * The bars of a time series answer inside `[from, to)`, oldest first. Daily bars carry the session
 * open of their date, like Yahoo's; intraday stamps are wall-clock times in the Meta Data's zone (the
 * start of each bar). Alpha Vantage's daily series is unadjusted (the adjusted one is premium), so
 * `adj_close` is null.
 */
export function toBars(body: Record<string, unknown>, call: SeriesCall, from: Date, to: Date, what: string): Bar[] {
  if (typeof body[call.seriesKey] !== 'object' || body[call.seriesKey] === null) {
    throw new InvalidResponseError(`${what}: the answer has no "${call.seriesKey}"`);
  }
  const meta = fieldsOf(body['Meta Data']);
  const zone = stringOrNull(meta['6. Time Zone']) ?? stringOrNull(meta['5. Time Zone']);
  const daily = call.function === 'TIME_SERIES_DAILY';
  return Object.entries(fieldsOf(body[call.seriesKey]))
    .map(([stamp, item]): Bar => {
      const values = fieldsOf(item);
      return {
        time: daily ? sessionOpenOfDate(stamp) : wallClockMs(stamp, zone),
        open: avNumberOrNaN(values['1. open']),
        high: avNumberOrNaN(values['2. high']),
        low: avNumberOrNaN(values['3. low']),
        close: avNumberOrNaN(values['4. close']),
        adj_close: null,
        volume: avNumberOrNaN(values['5. volume']),
      };
    })
    .filter((bar) => bar.time >= from.getTime() && bar.time < to.getTime())
    .sort((a, b) => a.time - b.time);
}

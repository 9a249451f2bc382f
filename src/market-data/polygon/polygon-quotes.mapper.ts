import type { Quote, QuotesAnswer } from '../../datasets/stock-quotes/quote.js';
import { fieldsOf, itemsOf, numberOrNull } from '../yahoo/yahoo-values.js';
import { epochMsOf } from './polygon-values.js';

/**
 * One snapshot as a quote. The price and time are the last trade's; a plan without trades gets the latest
 * minute bar's close and the snapshot's `updated`. Polygon gives no market state or currency: null.
 */
function toQuote(snapshot: Record<string, unknown>): Quote {
  const [day, trade, quote, minute, previous] = ['day', 'lastTrade', 'lastQuote', 'min', 'prevDay'].map((name) => fieldsOf(snapshot[name]));
  return {
    time: epochMsOf(trade.t) ?? epochMsOf(snapshot.updated) ?? Number.NaN,
    price: numberOrNull(trade.p) ?? numberOrNull(minute.c) ?? Number.NaN,
    change: numberOrNull(snapshot.todaysChange),
    change_percent: numberOrNull(snapshot.todaysChangePerc),
    volume: numberOrNull(day.v),
    open: numberOrNull(day.o),
    day_high: numberOrNull(day.h),
    day_low: numberOrNull(day.l),
    previous_close: numberOrNull(previous.c),
    bid: numberOrNull(quote.p),
    ask: numberOrNull(quote.P),
    market_state: null,
    currency: null,
  };
}

/**
 * The snapshots of one request keyed by the job's symbols; `symbolOf` maps a Polygon ticker (`BRK.B`) back to
 * the job's (`BRK-B`). Tickers Polygon did not answer are absent.
 */
export function toQuotesAnswer(answer: unknown, symbolOf: ReadonlyMap<string, string>): QuotesAnswer {
  const quotes: QuotesAnswer = {};
  for (const item of itemsOf(fieldsOf(answer).tickers)) {
    const snapshot = fieldsOf(item);
    const symbol = typeof snapshot.ticker === 'string' ? symbolOf.get(snapshot.ticker) : undefined;
    if (symbol !== undefined) quotes[symbol] = toQuote(snapshot);
  }
  return quotes;
}

import type { Quote } from '../../datasets/stock-quotes/quote.js';
import { nyseSessionFrom } from '../calendar/nyse-session.js';
import { fieldsOf } from '../yahoo/yahoo-values.js';
import { avNumberOrNaN, avNumberOrNull, sessionOpenOfDate } from './alpha-vantage-values.js';

/**
 * The quote's time: GLOBAL_QUOTE gives only the latest trading day, so the close of that day's
 * session (13:00 New York on early-close days), or `now` while that session runs. A quote re-fetched
 * after the close keeps its time and is not stored twice. NaN without a date.
 */
function quoteTime(day: unknown, now: number): number {
  const open = sessionOpenOfDate(day);
  if (Number.isNaN(open)) return Number.NaN;
  return Math.min(nyseSessionFrom(new Date(open)).close.getTime(), now);
}

/** A GLOBAL_QUOTE answer's quote; null for the empty `Global Quote` (or `{}`) of a symbol it does not know. */
export function toQuote(body: Record<string, unknown>, now: number): Quote | null {
  const quote = fieldsOf(body['Global Quote']);
  if (Object.keys(quote).length === 0) return null;
  return {
    time: quoteTime(quote['07. latest trading day'], now),
    price: avNumberOrNaN(quote['05. price']),
    change: avNumberOrNull(quote['09. change']),
    // A percentage already, with its sign: "-0.5852%".
    change_percent: avNumberOrNull(quote['10. change percent']),
    volume: avNumberOrNull(quote['06. volume']),
    open: avNumberOrNull(quote['02. open']),
    day_high: avNumberOrNull(quote['03. high']),
    day_low: avNumberOrNull(quote['04. low']),
    previous_close: avNumberOrNull(quote['08. previous close']),
    bid: null,
    ask: null,
    market_state: null,
    currency: null,
  };
}

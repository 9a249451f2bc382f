import type { Quote } from '../../datasets/stock-quotes/quote.js';
import { epochMsOrNaN, fieldsOf, numberOrNaN, numberOrNull } from '../yahoo/yahoo-values.js';

/**
 * The quote of a `/quote` answer; null for Finnhub's answer to a symbol it does not know (every price
 * 0 and `t` 0). Finnhub gives no volume, bid, ask, market state or currency: those are null.
 */
export function toFinnhubQuote(answer: unknown): Quote | null {
  const quote = fieldsOf(answer);
  if (numberOrNull(quote.t) === 0 && numberOrNull(quote.c) === 0) return null;
  return {
    time: epochMsOrNaN(quote.t),
    price: numberOrNaN(quote.c),
    change: numberOrNull(quote.d),
    // Already a percentage (0.59 for 0.59 %), like Yahoo's regularMarketChangePercent.
    change_percent: numberOrNull(quote.dp),
    volume: null,
    open: numberOrNull(quote.o),
    day_high: numberOrNull(quote.h),
    day_low: numberOrNull(quote.l),
    previous_close: numberOrNull(quote.pc),
    bid: null,
    ask: null,
    market_state: null,
    currency: null,
  };
}

import type { Quote, QuotesAnswer } from '../../datasets/stock-quotes/quote.js';
import { epochMsOrNaN, fieldsOf, itemsOf, numberOrNaN, numberOrNull, stringOrNull } from './yahoo-values.js';

function toQuote(quote: Record<string, unknown>): Quote {
  return {
    time: epochMsOrNaN(quote.regularMarketTime),
    price: numberOrNaN(quote.regularMarketPrice),
    change: numberOrNull(quote.regularMarketChange),
    // Yahoo's quote endpoint gives this one as a percentage already (1.27 for 1.27 %).
    change_percent: numberOrNull(quote.regularMarketChangePercent),
    volume: numberOrNull(quote.regularMarketVolume),
    open: numberOrNull(quote.regularMarketOpen),
    day_high: numberOrNull(quote.regularMarketDayHigh),
    day_low: numberOrNull(quote.regularMarketDayLow),
    previous_close: numberOrNull(quote.regularMarketPreviousClose),
    bid: numberOrNull(quote.bid),
    ask: numberOrNull(quote.ask),
    market_state: stringOrNull(quote.marketState),
    currency: stringOrNull(quote.currency),
  };
}

/**
 * The quotes of `quote()`'s unvalidated answer, keyed by upper-case symbol, for the symbols asked for
 * only. Each quote is read on its own, so one malformed quote cannot spoil the batch: a price or time
 * that is not a finite number becomes NaN, for the validator to drop and count.
 */
export function toQuotesAnswer(answer: unknown, symbols: readonly string[]): QuotesAnswer {
  const wanted = new Set(symbols);
  const quotes: QuotesAnswer = {};
  for (const item of itemsOf(answer)) {
    const fields = fieldsOf(item);
    const symbol = stringOrNull(fields.symbol)?.toUpperCase();
    if (symbol !== undefined && wanted.has(symbol)) quotes[symbol] = toQuote(fields);
  }
  return quotes;
}

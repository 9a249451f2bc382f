import { finiteOrNull } from '../finite-or-null.js';
import type { Quote } from './quote.js';

/** Outcome of {@link validateQuotes}: `valid.length + rejected` always equals the input length. */
export interface QuoteValidation {
  valid: Quote[];
  rejected: number;
}

const OPTIONAL_NUMBERS = ['change', 'change_percent', 'volume', 'open', 'day_high', 'day_low', 'previous_close', 'bid', 'ask'] as const;

/**
 * Drops quotes without a finite price or time. A value the provider lacks in the other fields reads
 * as null rather than dropping the quote: a non-finite number, or an empty market state or currency.
 * Returns new objects; the input (an answer shared between runs) is left as it is.
 */
export function validateQuotes(quotes: Quote[]): QuoteValidation {
  const valid: Quote[] = [];
  for (const quote of quotes) {
    if (!Number.isFinite(quote.time) || !Number.isFinite(quote.price)) continue;
    valid.push({ ...finiteOrNull(quote, OPTIONAL_NUMBERS), market_state: quote.market_state || null, currency: quote.currency || null });
  }
  return { valid, rejected: quotes.length - valid.length };
}

import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { Quote } from './quote.js';

/** 2025-02-14 21:00 UTC, the time of the recorded AAPL quote. */
export const QUOTE_T0 = 1_739_566_800_000;
export const MINUTE_MS = 60_000;

/** A quote `minutes` after {@link QUOTE_T0}, shaped like the recorded AAPL answer; `overrides` replace fields. */
export function makeQuote(minutes: number, overrides: Partial<Quote> = {}): Quote {
  return {
    time: QUOTE_T0 + minutes * MINUTE_MS,
    price: Math.round(24_460 + minutes) / 100,
    change: 3.0700073,
    change_percent: 1.2710667,
    volume: 40_896_227 + minutes,
    open: 241.07,
    day_high: 245.41,
    day_low: 241,
    previous_close: 241.53,
    bid: 244.44,
    ask: 253.37,
    market_state: 'REGULAR',
    currency: 'USD',
    source: STORED_SOURCE_DEFAULT,
    ...overrides,
  };
}

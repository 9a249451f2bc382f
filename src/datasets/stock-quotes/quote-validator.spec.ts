import { validateQuotes } from './quote-validator.js';
import { makeQuote } from './quote-fixtures.js';

describe('validateQuotes', () => {
  it('keeps a complete quote as it is', () => {
    const quote = makeQuote(0);
    expect(validateQuotes([quote])).toEqual({ valid: [quote], rejected: 0 });
  });

  it('drops quotes without a finite price or time and counts them', () => {
    const quotes = [makeQuote(0, { price: NaN }), makeQuote(1), makeQuote(2, { time: NaN }), makeQuote(3, { price: Infinity })];
    expect(validateQuotes(quotes)).toEqual({ valid: [makeQuote(1)], rejected: 3 });
  });

  it('reads a missing optional value as null instead of dropping the quote, without touching the input', () => {
    const quote = makeQuote(0, { bid: NaN, volume: Infinity, change: null, market_state: '', currency: '' });
    const frozen = Object.freeze({ ...quote });
    const { valid, rejected } = validateQuotes([frozen]);
    expect(rejected).toBe(0);
    expect(valid[0]).toEqual({ ...makeQuote(0), bid: null, volume: null, change: null, market_state: null, currency: null });
    expect(frozen.bid).toBeNaN();
  });

  it('answers nothing for nothing', () => {
    expect(validateQuotes([])).toEqual({ valid: [], rejected: 0 });
  });
});

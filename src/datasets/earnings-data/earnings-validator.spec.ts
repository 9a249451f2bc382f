import { ESTIMATED, makeEarnings, NEXT_DATES, QUARTERS } from './earnings-fixtures.js';
import { validateEarnings } from './earnings-validator.js';

describe('validateEarnings', () => {
  it('keeps complete earnings as they are', () => {
    expect(validateEarnings(makeEarnings())).toEqual({ valid: makeEarnings(), rejected: 0 });
  });

  it('drops quarters without a real YYYY-MM-DD quarter end, and counts them', () => {
    const bad = ['2024-02-30', '2024-13-31', '2024-9-30', '', '2024-09-30T00:00:00Z'].map((quarter_end) => ({ ...QUARTERS[0], quarter_end }));
    expect(validateEarnings(makeEarnings({ quarters: [...bad, QUARTERS[1], { ...QUARTERS[2], quarter_end: null as unknown as string }] }))).toEqual({
      valid: makeEarnings({ quarters: [QUARTERS[1]] }),
      rejected: 6,
    });
  });

  it('reads a number that is not finite as null and leaves out next dates that are not times, without touching the input', () => {
    const shared = Object.freeze(makeEarnings({ next_earnings_dates: [NaN, NEXT_DATES[0]], quarters: [Object.freeze({ ...ESTIMATED, eps_estimate: Infinity })] }));
    expect(validateEarnings(shared)).toEqual({ valid: makeEarnings({ next_earnings_dates: [NEXT_DATES[0]], quarters: [{ ...ESTIMATED, eps_estimate: null }] }), rejected: 0 });
    expect(shared.quarters[0].eps_estimate).toBe(Infinity);
  });
});

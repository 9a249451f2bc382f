import { planFetch } from './fetch-plan.js';

describe('planFetch', () => {
  const window = { from: 100, to: 200 };

  it('fetches the whole window into an empty series, or one whose bars all lie before it, and records it as covered', () => {
    const whole = { requests: [window], whole: true, covered: { from: 100, through: 199 } };
    expect(planFetch(window, null)).toEqual(whole);
    expect(planFetch(window, { newest: 90, from: 10 })).toEqual(whole);
  });

  it('fetches the whole window again when it ends before the covered span, leaving the coverage alone', () => {
    expect(planFetch(window, { newest: 400, from: 200 })).toEqual({ requests: [window], whole: true, covered: null });
  });

  it('asks for the head before the covered span and the tail from the newest bar, then covers from the window start through its end or the newest bar', () => {
    expect(planFetch(window, { newest: 150, from: 130 })).toEqual({
      requests: [
        { from: 100, to: 130 },
        { from: 150, to: 200 },
      ],
      whole: false,
      covered: { from: 100, through: 199 },
    });
    expect(planFetch(window, { newest: 250, from: 130 })).toEqual({ requests: [{ from: 100, to: 130 }], whole: false, covered: { from: 100, through: 250 } });
  });

  it('asks only for the tail, or nothing, when the covered span reaches back to the window start', () => {
    expect(planFetch(window, { newest: 150, from: 100 })).toEqual({ requests: [{ from: 150, to: 200 }], whole: false, covered: null });
    expect(planFetch(window, { newest: 250, from: 50 })).toEqual({ requests: [], whole: false, covered: null });
  });

  it('takes a series without a recorded start as covering its newest bar only, and records that', () => {
    const covered = { from: 100, through: 199 };
    expect(planFetch(window, { newest: 150, from: null })).toEqual({ requests: [window], whole: false, covered });
    expect(planFetch(window, { newest: 100, from: null })).toEqual({ requests: [window], whole: false, covered });
    expect(planFetch(window, { newest: 250, from: null })).toEqual({ requests: [window], whole: true, covered: null });
  });
});

import { validateChain } from './chain-validator.js';
import { makeContract, makeSnapshot } from './option-fixtures.js';

describe('validateChain', () => {
  const { fetched_at: _fetched, ...chain } = makeSnapshot(0);

  it('keeps a complete chain as it is', () => {
    expect(validateChain(chain)).toEqual({ valid: chain, rejected: 0 });
  });

  it('drops contracts without a finite strike from calls and puts, and counts them', () => {
    const calls = [makeContract(NaN), makeContract(110), makeContract(Infinity)];
    const puts = [makeContract(NaN, 'P')];
    expect(validateChain({ ...chain, calls, puts })).toEqual({ valid: { ...chain, calls: [makeContract(110)], puts: [] }, rejected: 3 });
  });

  it('reads another missing number as null instead of dropping the contract, without touching the input', () => {
    const shared = Object.freeze({ ...chain, calls: [Object.freeze(makeContract(110, 'C', { bid: NaN, implied_volatility: Infinity }))] });
    const { valid, rejected } = validateChain(shared);
    expect(rejected).toBe(0);
    expect(valid.calls).toEqual([makeContract(110, 'C', { bid: null, implied_volatility: null })]);
    expect(shared.calls[0].bid).toBeNaN();
    expect(valid.calls).not.toBe(shared.calls);
  });
});

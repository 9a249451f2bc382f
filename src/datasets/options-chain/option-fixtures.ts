import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { OptionContract, OptionSnapshot } from './option-chain.js';

/** The nearest expirations of the recorded AAPL answer (2025-02-28, 2025-03-07, 2025-03-14), epoch ms. */
export const EXPIRATIONS = [1_740_700_800_000, 1_741_305_600_000, 1_741_910_400_000];
/** 2025-02-24 09:24:42 UTC, when the AAPL chain was recorded. */
export const FETCHED_T0 = 1_740_389_082_000;

/** A contract shaped like the recorded AAPL ones; `overrides` replace fields. */
export function makeContract(strike: number, kind: 'C' | 'P' = 'C', overrides: Partial<OptionContract> = {}): OptionContract {
  return {
    contract_symbol: `AAPL250228${kind}${String(strike * 1000).padStart(8, '0')}`,
    strike,
    last_price: 111.67,
    bid: 135.9,
    ask: 136.65,
    change: 0,
    volume: null,
    open_interest: 0,
    implied_volatility: 3.58593853515625,
    in_the_money: kind === 'C',
    last_trade_date: 1_737_487_202_000,
    ...overrides,
  };
}

/** A snapshot of `expiration` (an index into {@link EXPIRATIONS}) fetched `minutes` after {@link FETCHED_T0}. */
export function makeSnapshot(minutes: number, expiration = 0, overrides: Partial<OptionSnapshot> = {}): OptionSnapshot {
  return {
    fetched_at: FETCHED_T0 + minutes * 60_000,
    underlying_price: 245.55 + minutes / 100,
    expiration_dates: EXPIRATIONS,
    expiration: EXPIRATIONS[expiration],
    calls: [makeContract(110), makeContract(245 + expiration)],
    puts: [makeContract(200, 'P', { in_the_money: false, volume: 12 })],
    source: STORED_SOURCE_DEFAULT,
    ...overrides,
  };
}

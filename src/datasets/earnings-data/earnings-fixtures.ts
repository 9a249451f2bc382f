import type { Earnings, EarningsQuarter } from './earnings.js';

/** 2025-02-24 09:34:52 UTC, when the AAPL earnings were recorded. */
export const FETCHED_T0 = 1_740_389_692_000;
/** The recorded AAPL next earnings dates (2025-04-30 10:59 and 2025-05-05 12:00 UTC). */
export const NEXT_DATES = [1_746_010_740_000, 1_746_446_400_000];

/** The recorded AAPL quarters, oldest first. */
export const QUARTERS: EarningsQuarter[] = [
  { quarter_end: '2024-03-31', eps_actual: 1.53, eps_estimate: 1.49923, surprise_percent: 2.05 },
  { quarter_end: '2024-06-30', eps_actual: 1.4, eps_estimate: 1.34086, surprise_percent: 4.41 },
  { quarter_end: '2024-09-30', eps_actual: 0.97, eps_estimate: 0.94654, surprise_percent: 2.48 },
  { quarter_end: '2024-12-31', eps_actual: 2.4, eps_estimate: 2.34102, surprise_percent: 2.52 },
];

/** Earnings shaped like the recorded AAPL ones; `overrides` replace fields. */
export function makeEarnings(overrides: Partial<Earnings> = {}): Earnings {
  return { next_earnings_dates: NEXT_DATES, quarters: QUARTERS, ...overrides };
}

/** An estimated quarter not reported yet. */
export const ESTIMATED: EarningsQuarter = { quarter_end: '2025-03-31', eps_actual: null, eps_estimate: 1.60796, surprise_percent: null };

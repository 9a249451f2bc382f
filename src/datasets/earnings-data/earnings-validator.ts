import { finiteOrNull } from '../finite-or-null.js';
import type { Earnings, EarningsQuarter } from './earnings.js';

/** Outcome of {@link validateEarnings}: `rejected` quarters were dropped. */
export interface EarningsValidation {
  valid: Earnings;
  rejected: number;
}

const NUMBERS = ['eps_actual', 'eps_estimate', 'surprise_percent'] as const;

/** A YYYY-MM-DD that names a real calendar day (Date.parse would roll 02-30 over). */
function isQuarterEnd(date: unknown): boolean {
  const time = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(date) : NaN;
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(date as string);
}

/**
 * Drops quarters without a valid quarter end, their identity in the store; another number the
 * provider lacks reads as null, a next date that is not a finite time is left out. Returns new
 * earnings: the input (an answer shared between runs) is left as it is.
 */
export function validateEarnings(earnings: Earnings): EarningsValidation {
  const quarters = earnings.quarters.filter((quarter) => isQuarterEnd(quarter.quarter_end)).map((quarter) => finiteOrNull<EarningsQuarter>(quarter, NUMBERS));
  const next_earnings_dates = earnings.next_earnings_dates.filter((date) => Number.isFinite(date));
  return { valid: { next_earnings_dates, quarters }, rejected: earnings.quarters.length - quarters.length };
}

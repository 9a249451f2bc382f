import { stringOrNull } from '../yahoo/yahoo-values.js';

/** A string field, null when absent or empty: Finnhub sends '' for what it lacks. */
export const textOrNull = (value: unknown): string | null => stringOrNull(value) || null;

/** The UTC calendar date of `at`, as Finnhub's `from`/`to` parameters take it: YYYY-MM-DD. */
export const isoDate = (at: Date): string => at.toISOString().slice(0, 10);

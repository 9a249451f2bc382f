import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { Earnings, EarningsQuarter, StoredEarnings } from './earnings.js';

/** A stored symbol's earnings as its hash: `q:{quarter_end}` per quarter, `next`, `fetched_at` and `source` (none before sources were kept). */
export type EarningsHash = Record<string, string>;

type QuarterRow = [number | null, number | null, number | null];

const QUARTER_PREFIX = 'q:';

/**
 * The hash fields of the quarters: `q:{YYYY-MM-DD}` (sorting as text sorts by quarter end) and the
 * quarter's numbers as a JSON array, the form both stores compare.
 */
export function encodeQuarters(quarters: EarningsQuarter[]): Array<[string, string]> {
  return quarters.map((q) => [`${QUARTER_PREFIX}${q.quarter_end}`, JSON.stringify([q.eps_actual, q.eps_estimate, q.surprise_percent] satisfies QuarterRow)]);
}

export const encodeNextDates = (earnings: Earnings): string => JSON.stringify(earnings.next_earnings_dates);

export function decodeEarnings(hash: EarningsHash): StoredEarnings | null {
  if (hash.fetched_at === undefined) return null;
  const quarters = Object.keys(hash)
    .filter((field) => field.startsWith(QUARTER_PREFIX))
    .sort()
    .map((field): EarningsQuarter => {
      const [eps_actual, eps_estimate, surprise_percent] = JSON.parse(hash[field]) as QuarterRow;
      return { quarter_end: field.slice(QUARTER_PREFIX.length), eps_actual, eps_estimate, surprise_percent };
    });
  return { fetched_at: Number(hash.fetched_at), source: hash.source ?? STORED_SOURCE_DEFAULT, next_earnings_dates: JSON.parse(hash.next ?? '[]') as number[], quarters };
}

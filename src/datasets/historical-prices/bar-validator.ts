import type { Bar } from '../../market-data/bar.js';

/** Outcome of {@link validateBars}: `valid.length + rejected` always equals the input length. */
export interface BarValidation {
  /** Surviving bars in ascending time order, one per time. */
  valid: Bar[];
  /** Bars dropped as impossible or as earlier duplicates of a time. */
  rejected: number;
}

const isPrice = (value: number): boolean => Number.isFinite(value) && value >= 0;

function isPlausible(bar: Bar): boolean {
  const { time, open, high, low, close, volume } = bar;
  if (!Number.isFinite(time)) return false;
  if (![open, high, low, close].every(isPrice) || !isPrice(volume)) return false;
  return high >= Math.max(open, close) && low <= Math.min(open, close) && high >= low;
}

/**
 * Drops bars no market can produce (non-finite or negative prices or volume, high/low not
 * bracketing open and close) and, for a repeated time, all but the last occurrence.
 * A missing, non-finite or negative `adj_close` becomes null instead of rejecting the bar.
 */
export function validateBars(bars: Bar[]): BarValidation {
  const byTime = new Map<number, Bar>();
  let rejected = 0;
  for (const bar of bars) {
    if (!isPlausible(bar)) {
      rejected++;
      continue;
    }
    if (byTime.has(bar.time)) rejected++;
    const adj = bar.adj_close;
    byTime.set(bar.time, { ...bar, adj_close: adj !== null && isPrice(adj) ? adj : null });
  }
  const valid = [...byTime.values()].sort((a, b) => a.time - b.time);
  return { valid, rejected };
}

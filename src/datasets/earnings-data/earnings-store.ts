import type { SymbolKeyId } from '../dataset.js';
import type { Earnings, StoredEarnings } from './earnings.js';

/** A symbol's earnings at `{prefix}:{SYMBOL}:earnings`: quarters upserted by quarter end, next dates replaced. */
export interface EarningsStore {
  /** Upserts the quarters by `quarter_end` and replaces the next dates; returns the quarters that were new or changed. */
  write(id: SymbolKeyId, earnings: Earnings, fetchedAt: number, source?: string): Promise<number>;
  /** Quarters oldest first, or null when nothing is stored. */
  read(id: SymbolKeyId): Promise<StoredEarnings | null>;
}

export const EARNINGS_STORE = Symbol('EARNINGS_STORE');

import type { Bar, CorporateAction, SeriesId, Sourced } from '../market-data/bar.js';
import { InvalidStoreInputError } from './store-errors.js';

/** The seed's window layout: `{prefix}:{SYMBOL}:{start_date}:{end_date}` as a JSON array, with a TTL. */
export interface SnapshotRecord {
  Date: string;
  Open: number;
  High: number;
  Low: number;
  Close: number;
  'Adj Close': number | null;
  Volume: number;
}

export interface SnapshotId {
  prefix: string;
  symbol: string;
  start_date: string;
  end_date: string;
}

export type ActionsId = Pick<SeriesId, 'prefix' | 'symbol'>;

/** What a series holds, for deciding what to fetch next. */
export interface SeriesCoverage {
  /** Time of the newest stored bar (epoch ms). */
  newest: number;
  /** From when the series holds every provider bar up to `newest` (see {@link CoveredSpan}); null when never recorded. */
  from: number | null;
}

/** What one fetch knows the series holds: every provider bar from `from` through `through` (epoch ms). */
export interface CoveredSpan {
  from: number;
  through: number;
}

/**
 * Market data storage: one series per symbol and interval, upserted by bar time, so a re-fetch
 * of an overlapping window replaces bars in place and never duplicates one.
 */
export interface BarStore {
  /**
   * Inserts or replaces bars by `time`, each with its `source`; returns how many bars were written. With `covered`, in the same
   * atomic step, records `covered.from` as the start of the complete span if the series' newest bar
   * is no later than `covered.through`; otherwise a newer bar came from another fetch, past a gap
   * this one cannot vouch for, and the coverage that fetch records stands.
   */
  upsert(series: SeriesId, bars: Bar[], covered?: CoveredSpan | null): Promise<number>;
  /** Bars with `from <= time <= to` (epoch ms, both optional), oldest first, each with its `source`. */
  range(series: SeriesId, from?: number, to?: number): Promise<Sourced<Bar>[]>;
  /** The newest stored bar, or null for an empty series. */
  last(series: SeriesId): Promise<Sourced<Bar> | null>;
  /** The newest bar's time and the recorded covered-from time in one read, or null for an empty series. */
  coverage(series: SeriesId): Promise<SeriesCoverage | null>;
  /** Inserts or replaces splits and dividends by kind and time; returns how many were written. */
  upsertActions(id: ActionsId, actions: CorporateAction[]): Promise<number>;
  /** All stored splits and dividends of the symbol, oldest first. */
  actions(id: ActionsId): Promise<CorporateAction[]>;
  writeSnapshot(id: SnapshotId, records: SnapshotRecord[], ttlSeconds: number): Promise<void>;
  readSnapshot(id: SnapshotId): Promise<SnapshotRecord[] | null>;
}

export const BAR_STORE = Symbol('BAR_STORE');

/** A range bound every adapter refuses alike: Redis would answer NaN with "min or max is not a float". */
export function assertRangeBounds(from: number | undefined, to: number | undefined): void {
  for (const [name, bound] of [['from', from], ['to', to]] as const) {
    if (bound !== undefined && !Number.isFinite(bound)) throw new InvalidStoreInputError(`range ${name} must be a finite epoch ms, got ${bound}`);
  }
}

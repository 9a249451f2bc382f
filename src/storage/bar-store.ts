import type { Bar, CorporateAction, SeriesId } from '../market-data/bar.js';
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
  /** The latest `markCovered` time, or null when none was recorded. */
  from: number | null;
}

/**
 * Market data storage: one series per symbol and interval, upserted by bar time, so a re-fetch
 * of an overlapping window replaces bars in place and never duplicates one.
 */
export interface BarStore {
  /** Inserts or replaces bars by `time`; returns how many bars were written. */
  upsert(series: SeriesId, bars: Bar[]): Promise<number>;
  /** Bars with `from <= time <= to` (epoch ms, both optional), oldest first. */
  range(series: SeriesId, from?: number, to?: number): Promise<Bar[]>;
  /** The newest stored bar, or null for an empty series. */
  last(series: SeriesId): Promise<Bar | null>;
  /** The newest bar's time and the recorded covered-from time in one read, or null for an empty series. */
  coverage(series: SeriesId): Promise<SeriesCoverage | null>;
  /** Records that the series holds every provider bar from `from` (epoch ms) up to its newest one. */
  markCovered(series: SeriesId, from: number): Promise<void>;
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

/** One OHLCV bar as stored and served; `time` is the provider's bar timestamp in epoch milliseconds. */
export interface Bar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Split- and dividend-adjusted close where the provider gives one (daily and longer bars). */
  adj_close: number | null;
  volume: number;
  /** The provider that gave the bar (see {@link STORED_SOURCE_DEFAULT}); set when it is stored. */
  source?: string;
}

/**
 * The source an item stored without one reads back with: Yahoo, the only provider before sources
 * were kept, and the one whose items the Redis layouts store without naming it (it saves the bytes).
 */
export const STORED_SOURCE_DEFAULT = 'yahoo';

/** An item as a store reads it back: always with its source. */
export type Sourced<T extends { source?: string }> = T & { source: string };

/** `item` with its source, {@link STORED_SOURCE_DEFAULT} when it has none. */
export function sourced<T extends { source?: string }>(item: T): Sourced<T> {
  return { ...item, source: item.source ?? STORED_SOURCE_DEFAULT };
}

/** The source a compact Redis layout writes out: none for {@link STORED_SOURCE_DEFAULT}, which it reads back by default. */
export function namedSource(source: string | undefined): string | undefined {
  return source === STORED_SOURCE_DEFAULT ? undefined : source;
}

/** A dividend or split, at the provider's event timestamp (epoch ms). */
export type CorporateAction =
  | { time: number; kind: 'dividend'; amount: number }
  | { time: number; kind: 'split'; numerator: number; denominator: number };

/** What one request for a symbol's window gives: its bars and the corporate actions in the window. */
export interface Chart {
  bars: Bar[];
  actions: CorporateAction[];
}

/** Identifies one canonical series: `{prefix}:{SYMBOL}:{interval}`. */
export interface SeriesId {
  prefix: string;
  symbol: string;
  interval: string;
}

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
}

/** Identifies one canonical series: `{prefix}:{SYMBOL}:{interval}`. */
export interface SeriesId {
  prefix: string;
  symbol: string;
  interval: string;
}

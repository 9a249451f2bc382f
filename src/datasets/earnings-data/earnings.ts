/** One reported (or estimated) quarter, identified by its fiscal quarter end. */
export interface EarningsQuarter {
  /** YYYY-MM-DD */
  quarter_end: string;
  eps_actual: number | null;
  eps_estimate: number | null;
  /** The EPS surprise as a percentage: 2.05 means 2.05 % (Yahoo sends the fraction 0.0205). */
  surprise_percent: number | null;
}

/** A symbol's earnings as the provider answers them. */
export interface Earnings {
  /** Next earnings date(s), epoch ms, soonest first (Yahoo gives a window of one or two dates). */
  next_earnings_dates: number[];
  quarters: EarningsQuarter[];
}

export interface StoredEarnings extends Earnings {
  fetched_at: number;
  /** The provider of the latest fetch. */
  source: string;
}

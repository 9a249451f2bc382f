import type { Chart } from './bar.js';

export interface BarRequest {
  symbol: string;
  interval: string;
  /** Inclusive start of the window. */
  from: Date;
  /** Exclusive end of the window. */
  to: Date;
  /** Who asks, as structured log fields (job_id, run_id, symbol). */
  logContext?: Record<string, string>;
}

/**
 * Where bars come from. Yahoo Finance is the built-in one; a host app can pass its own through
 * `SchedulerModule.forRoot({ provider })`. Implementations throw the typed errors of
 * `provider-errors.ts` so the executor can tell a retryable fault from a permanent one. A value the
 * provider lacks is NaN in the bar, not a dropped bar, so that validation counts it.
 */
export interface MarketDataProvider {
  fetchChart(request: BarRequest): Promise<Chart>;
}

export const MARKET_DATA_PROVIDER = Symbol('MARKET_DATA_PROVIDER');

import type { ProviderName } from '../market-data/chain/provider-names.js';
import type { RetryPolicy } from '../scheduler/job.js';

/** The kinds of market data a job can keep; `historical_prices` (OHLCV bars) is the default. */
export const DATASETS = ['historical_prices', 'stock_quotes', 'options_chain', 'company_info', 'earnings_data', 'news_data', 'economic_events'] as const;
export type Dataset = (typeof DATASETS)[number];

/** Where a dataset's items are stored: `{prefix}:{SYMBOL}:…`, case-insensitive symbol. */
export interface SymbolKeyId {
  prefix: string;
  symbol: string;
}

/** Who asks, as structured log fields (job_id, run_id, symbol). */
export type LogContext = Record<string, string>;

/** What every provider request carries besides what it asks for. */
export interface RequestContext {
  logContext?: LogContext;
  /** The job's own provider chain, in order; absent: the configured one. */
  providers?: readonly ProviderName[];
  /** The job's own retries of transient failures; absent: the configured ones. */
  retry?: RetryPolicy;
}

import type { ScheduledJob, SymbolError } from '../scheduler/job.js';
import type { Dataset, LogContext, RequestContext } from './dataset.js';

/** `rejected` counts the items validation dropped, also when it dropped them all and the symbol failed for it. */
export type SymbolOutcome = { symbol: string; rejected: number } & ({ written: number; source?: string } | { error: SymbolError });

/** What a handler knows of the run it works for. */
export interface DatasetRun {
  job: ScheduledJob;
  runId: string;
  /** When the run started (epoch ms): the time its items are stored under where the provider gives none. */
  startedAt: number;
  /**
   * The instant the run is for: the occurrence of a scheduled run, the start of any other. Requests
   * of runs for one instant are shared (see SharedRequests).
   */
  asOf: number;
  /** Structured log fields of a line about `symbol`. */
  logContext(symbol: string): LogContext;
}

/**
 * Fetches, validates and stores one dataset. The executor hands it the run's symbols in batches of
 * `batchSize` (one request answers a batch) and counts their outcomes; it never throws: a failure is
 * the outcome of its symbol, so one symbol never stops the others.
 */
export interface DatasetHandler {
  readonly dataset: Dataset;
  readonly batchSize: number;
  fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]>;
}

/**
 * What the requests of a run are shared by: the instant it is for and, when the job names its own
 * providers or retries, those (another chain may answer otherwise, other retries fail otherwise).
 */
export function shareScope(run: DatasetRun): string {
  const { providers, retry } = run.job;
  return `${run.asOf}${providers ? `@${providers.join(',')}` : ''}${retry ? `#${retry.attempts}/${retry.backoff_ms}` : ''}`;
}

/** The context of a provider request of the run about `symbol`. */
export function requestContext(run: DatasetRun, symbol: string): RequestContext {
  const { providers, retry } = run.job;
  return { logContext: run.logContext(symbol), ...(providers && { providers }), ...(retry && { retry }) };
}

/** Nest token of the list of every {@link DatasetHandler}. */
export const DATASET_HANDLERS = Symbol('DATASET_HANDLERS');

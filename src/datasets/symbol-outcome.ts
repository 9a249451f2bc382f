import type { Logger } from '@nestjs/common';
import { NoDataError } from '../market-data/provider-errors.js';
import { triedOf } from '../market-data/chain/served-by.js';
import { attemptsOf } from '../market-data/retry/resilient-provider.js';
import { StoreCommandError } from '../storage/store-errors.js';
import type { SymbolOutcome } from './dataset-handler.js';
import type { DatasetRun } from './dataset-handler.js';

/**
 * The outcome of a symbol whose fetch or store threw. Logged at debug: a run's failures are summed up
 * in its one summary line (RunRecorder.finished). A store command error is a bug of ours whose reply
 * may quote script internals: it goes to the log, not to the record.
 */
export function failedOutcome(run: DatasetRun, symbol: string, error: unknown, logger: Logger, what = 'data'): SymbolOutcome {
  const err = error instanceof Error ? error : new Error(String(error));
  const attempts = attemptsOf(error);
  const trail = triedOf(error);
  // A chain's message already gives each provider's attempts.
  const text = attempts > 1 && !trail ? `${err.message} (${attempts} attempts)` : err.message;
  const fields = run.logContext(symbol);
  const context = `job ${run.job.job_id} run ${run.runId} symbol ${symbol}`;
  logger.debug(`${context}: ${err.name}: ${text}`, fields);
  if (error instanceof StoreCommandError) {
    logger.error(`${context}: ${err.message}`, fields);
    return { symbol, rejected: 0, error: { symbol, error: `the store refused to write the ${what} (details in the service log)`, kind: err.name, attempts } };
  }
  const rejected = error instanceof NoDataError ? error.rejected : 0;
  return { symbol, rejected, error: { symbol, error: text, kind: err.name, attempts, ...trail } };
}

/** Runs `work` for the symbol and turns anything it throws into the symbol's failed outcome. */
export async function outcomeOf(run: DatasetRun, symbol: string, logger: Logger, work: () => Promise<{ written: number; rejected: number; source?: string }>, what?: string): Promise<SymbolOutcome> {
  try {
    return { symbol, ...(await work()) };
  } catch (error) {
    return failedOutcome(run, symbol, error, logger, what);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { BarIngestor } from '../market-data/bar-ingestor.js';
import { NoDataError } from '../market-data/provider-errors.js';
import { attemptsOf } from '../market-data/retry/resilient-provider.js';
import { StoreCommandError } from '../storage/store-errors.js';
import type { ScheduledJob, SymbolError } from './job.js';
import type { RunWindow } from './run-window.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';

/** `rejected` counts the bars validation dropped, also when it dropped them all and the symbol failed for it. */
export type SymbolOutcome = { symbol: string; rejected: number } & ({ written: number } | { error: SymbolError });

/** One symbol of one run; every failure becomes an outcome, so one symbol never stops the others. */
@Injectable()
export class SymbolFetcher {
  private readonly logger = new Logger(SymbolFetcher.name);

  constructor(
    private readonly ingestor: BarIngestor,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  async fetch(job: ScheduledJob, runId: string, symbol: string, window: RunWindow): Promise<SymbolOutcome> {
    const context = `job ${job.job_id} run ${runId} symbol ${symbol}`;
    const fields = { job_id: job.job_id, run_id: runId, symbol };
    try {
      const result = await this.ingestor.ingest({
        prefix: job.prefix,
        symbol,
        interval: job.data_interval,
        from: window.from,
        to: window.to,
        logContext: fields,
        snapshot: job.write_snapshot
          ? { start_date: window.start_date, end_date: window.end_date, ttlSeconds: this.options.snapshotTtlSeconds }
          : null,
      });
      this.logger.debug(`${context}: ${result.written} bars written${result.incremental ? ' (incremental)' : ''}`, fields);
      return { symbol, written: result.written, rejected: result.rejected };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const attempts = attemptsOf(error);
      const text = attempts > 1 ? `${err.message} (${attempts} attempts)` : err.message;
      // Debug: a run's failures are summed up in its one summary line (RunRecorder.finished).
      this.logger.debug(`${context}: ${err.name}: ${text}`, fields);
      if (error instanceof StoreCommandError) {
        // A bug of ours, whose reply may quote script internals: those go to the log, not the record.
        this.logger.error(`${context}: ${err.message}`, fields);
        return { symbol, rejected: 0, error: { symbol, error: 'the store refused to write the bars (details in the service log)', kind: err.name, attempts } };
      }
      const rejected = error instanceof NoDataError ? error.rejected : 0;
      return { symbol, rejected, error: { symbol, error: text, kind: err.name, attempts } };
    }
  }
}

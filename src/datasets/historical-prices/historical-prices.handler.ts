import { Inject, Injectable, Logger } from '@nestjs/common';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';
import { requestContext, shareScope, type DatasetHandler, type DatasetRun, type SymbolOutcome } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import { outcomeOf } from '../symbol-outcome.js';
import { BarIngestor, type IngestRequest } from './bar-ingestor.js';
import { barSpecOf, runWindow } from './run-window.js';

/** OHLCV bars: one symbol's window per request, upserted into its series (see {@link BarIngestor}). */
@Injectable()
export class HistoricalPricesHandler implements DatasetHandler {
  readonly dataset = 'historical_prices';
  readonly batchSize = 1;
  private readonly logger = new Logger(HistoricalPricesHandler.name);

  constructor(
    private readonly ingestor: BarIngestor,
    private readonly shared: SharedRequests,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  async fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    const bars = barSpecOf(run.job);
    // The window ends at the fire instant, not at the start of the run: every run of one instant
    // asks for the same window, and runs of jobs with the same series share one ingestion.
    const window = runWindow(bars, new Date(run.asOf));
    return Promise.all(
      symbols.map((symbol) =>
        outcomeOf(
          run,
          symbol,
          this.logger,
          async () => {
            const request: IngestRequest = {
              prefix: run.job.prefix,
              symbol,
              interval: bars.data_interval,
              from: window.from,
              to: window.to,
              ...requestContext(run, symbol),
              snapshot: bars.write_snapshot ? { start_date: window.start_date, end_date: window.end_date, ttlSeconds: this.options.snapshotTtlSeconds } : null,
            };
            const snapshot = request.snapshot ? `${window.start_date}:${window.end_date}` : '';
            const key = `historical_prices|${shareScope(run)}|${request.prefix}|${symbol}|${request.interval}|${+window.from}|${+window.to}|${snapshot}`;
            const result = await this.shared.run(key, () => this.ingestor.ingest(request));
            const context = `job ${run.job.job_id} run ${run.runId} symbol ${symbol}`;
            this.logger.debug(`${context}: ${result.written} bars written${result.incremental ? ' (incremental)' : ''}`, run.logContext(symbol));
            return { written: result.written, rejected: result.rejected, source: result.source };
          },
          'bars',
        ),
      ),
    );
  }
}

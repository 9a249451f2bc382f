import { Inject, Injectable, Logger } from '@nestjs/common';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';
import type { DatasetHandler, DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { fetchPerSymbol } from '../per-symbol-fetch.js';
import { SharedRequests } from '../single-flight.js';
import { EARNINGS_STORE, type EarningsStore } from './earnings-store.js';
import { validateEarnings } from './earnings-validator.js';

/** Quarterly EPS and the next earnings dates: one request per symbol, quarters upserted by quarter end. */
@Injectable()
export class EarningsDataHandler implements DatasetHandler {
  readonly dataset = 'earnings_data';
  readonly batchSize = 1;
  private readonly logger = new Logger(EarningsDataHandler.name);

  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly shared: SharedRequests,
    @Inject(EARNINGS_STORE) private readonly earnings: EarningsStore,
  ) {}

  fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    return fetchPerSymbol(this.shared, run, symbols, this.logger, {
      dataset: this.dataset,
      what: 'earnings',
      request: (request) => providerMethod(this.provider, 'fetchEarnings')(request),
      store: async (id, answer, source) => {
        const { valid, rejected } = validateEarnings(answer);
        if (valid.quarters.length === 0 && valid.next_earnings_dates.length === 0) {
          const why = rejected > 0 ? `all ${rejected} earnings quarters of ${id.symbol} failed validation` : `the provider has no earnings of ${id.symbol}`;
          throw new NoDataError(why, rejected);
        }
        return { written: await this.earnings.write(id, valid, run.startedAt, source), rejected };
      },
    });
  }
}

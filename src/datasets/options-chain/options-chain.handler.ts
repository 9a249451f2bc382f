import { Inject, Injectable, Logger } from '@nestjs/common';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';
import { requestContext, shareScope, type DatasetHandler, type DatasetRun, type SymbolOutcome } from '../dataset-handler.js';
import { DATASET_RULES } from '../dataset-rules.js';
import { sourceOf } from '../../market-data/chain/served-by.js';
import { retentionStart } from '../retention.js';
import { SharedRequests } from '../single-flight.js';
import { outcomeOf } from '../symbol-outcome.js';
import { validateChain } from './chain-validator.js';
import type { OptionChain } from './option-chain.js';
import { OPTIONS_STORE, type OptionsStore } from './options-store.js';

/**
 * Options chains: per symbol the nearest expiration, then each further one up to the job's
 * `expirations`, one request each. A symbol's snapshots are stored once all its requests answered,
 * so a failed one leaves none of that fetch half written.
 */
@Injectable()
export class OptionsChainHandler implements DatasetHandler {
  readonly dataset = 'options_chain';
  readonly batchSize = 1;
  private readonly logger = new Logger(OptionsChainHandler.name);

  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly shared: SharedRequests,
    @Inject(OPTIONS_STORE) private readonly options: OptionsStore,
  ) {}

  async fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    const count = run.job.expirations ?? (DATASET_RULES.options_chain.fields.expirations as number);
    return Promise.all(
      symbols.map((symbol) =>
        outcomeOf(
          run,
          symbol,
          this.logger,
          async () => {
            const nearest = await this.chain(run, symbol);
            if (nearest.expiration === null) throw new NoDataError(`the provider lists no options for ${symbol}`);
            const further = nearest.expiration_dates.filter((date) => date > (nearest.expiration as number)).slice(0, count - 1);
            const chains = [nearest, ...(await Promise.all(further.map((expiration) => this.chain(run, symbol, expiration))))];
            const checked = chains.map((chain) => ({ ...validateChain(chain), source: sourceOf(chain) }));
            const rejected = checked.reduce((sum, { rejected: dropped }) => sum + dropped, 0);
            // A chain the provider gave no contracts is stored as it is; one whose contracts all failed validation is not.
            const kept = checked.filter(({ valid, rejected: dropped }) => dropped === 0 || valid.calls.length + valid.puts.length > 0);
            if (kept.length === 0) throw new NoDataError(`all ${rejected} option contracts of ${symbol} failed validation`, rejected);
            const keepFrom = retentionStart(run, 'options_chain');
            let written = 0;
            for (const { valid, source } of kept) written += await this.options.write({ prefix: run.job.prefix, symbol }, { ...valid, fetched_at: run.startedAt, source }, keepFrom);
            return { written, rejected, source: sourceOf(nearest) };
          },
          'options',
        ),
      ),
    );
  }

  private chain(run: DatasetRun, symbol: string, expiration?: number): Promise<OptionChain> {
    const request = { symbol, expiration, ...requestContext(run, symbol) };
    return this.shared.run(`options_chain|${shareScope(run)}|${symbol}|${expiration ?? 'nearest'}`, () => providerMethod(this.provider, 'fetchOptions')(request));
  }
}

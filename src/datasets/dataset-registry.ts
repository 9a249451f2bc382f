import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { MARKET_DATA_PROVIDER, type MarketDataProvider } from '../market-data/market-data-provider.js';
import { ProviderCatalog } from '../market-data/chain/provider-catalog.js';
import type { ProviderName } from '../market-data/chain/provider-names.js';
import { datasetRule } from '../scheduler/job-spec.js';
import type { Dataset } from './dataset.js';
import { DATASET_HANDLERS, type DatasetHandler, type DatasetRun, type SymbolOutcome } from './dataset-handler.js';
import { DATASET_RULES, ECONOMIC_EVENTS_REFUSAL, runSubjects } from './dataset-rules.js';

/**
 * Maps a dataset to its handler. Checked when the module is built: a dataset without a handler
 * fails the start-up, not its first run. The executor stays dataset-agnostic through it.
 */
@Injectable()
export class DatasetRegistry {
  private readonly handlers: ReadonlyMap<Dataset, DatasetHandler>;

  constructor(
    @Inject(DATASET_HANDLERS) handlers: DatasetHandler[],
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly catalog: ProviderCatalog,
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.dataset, handler]));
    const unhandled = Object.keys(DATASET_RULES).filter((dataset) => !this.handlers.has(dataset as Dataset));
    if (unhandled.length > 0) throw new Error(`no DatasetHandler registered for ${unhandled.join(', ')} (add the dataset's parts to DATASET_PARTS)`);
  }

  /**
   * 400 when the market-data provider cannot serve the dataset (a host's provider may serve a
   * subset), or when a job's own `providers` names one that is not configured or does not serve it.
   */
  assertServed(dataset: Dataset, providers?: readonly ProviderName[] | null): void {
    const { providerMethod } = datasetRule(dataset);
    const configured = this.catalog.names;
    const problems = (providers ?? []).map((name) =>
      !configured.includes(name)
        ? `provider ${name} is not configured (MARKET_DATA_PROVIDERS is ${configured.join(',')})`
        : !this.catalog.serves(name, providerMethod)
          ? `provider ${name} serves no ${dataset} (it has no ${providerMethod}())`
          : null,
    );
    if (problems.some(Boolean)) throw new BadRequestException(problems.filter(Boolean));
    if (!this.provider[providerMethod]) {
      if (dataset === 'economic_events') throw new BadRequestException([this.noCalendar(configured)]);
      throw new BadRequestException([`dataset ${dataset} needs a market-data provider with ${providerMethod}(); the configured provider has none`]);
    }
  }

  private noCalendar(configured: ProviderName[]): string {
    if (configured.length === 1 && configured[0] === 'yahoo') return ECONOMIC_EVENTS_REFUSAL;
    return `economic_events needs a provider with an economic calendar (finnhub has one); none of ${configured.join(', ')} has`;
  }

  /**
   * Every symbol of the run through its dataset's handler, in the handler's batches, `concurrency`
   * batches at once; `onDone` is told how many symbols each finished batch held.
   */
  async fetchAll(run: DatasetRun, concurrency: number, onDone: (symbols: number) => void): Promise<SymbolOutcome[]> {
    const handler = this.handlers.get(run.job.dataset) as DatasetHandler;
    const symbols = runSubjects(run.job);
    const batches = Array.from({ length: Math.ceil(symbols.length / handler.batchSize) }, (_, i) => symbols.slice(i * handler.batchSize, (i + 1) * handler.batchSize));
    const slots = pLimit(concurrency);
    const outcomes = await Promise.all(
      batches.map((batch) =>
        slots(async () => {
          const done = await handler.fetch(run, batch);
          onDone(batch.length);
          return done;
        }),
      ),
    );
    return outcomes.flat();
  }
}

import { BadRequestException } from '@nestjs/common';
import { makeJob } from '../storage/contract/fixtures.js';
import type { DatasetHandler, DatasetRun, SymbolOutcome } from './dataset-handler.js';
import { ProviderCatalog } from '../market-data/chain/provider-catalog.js';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import { DatasetRegistry } from './dataset-registry.js';
import { DATASET_RULES } from './dataset-rules.js';

/** A handler that records the batches it was given and writes one item per symbol. */
function recordingHandler(batchSize: number, dataset: DatasetHandler['dataset'] = 'historical_prices'): DatasetHandler & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    dataset,
    batchSize,
    batches,
    fetch: async (_run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> => {
      batches.push(symbols);
      return symbols.map((symbol) => ({ symbol, written: 1, rejected: 0 }));
    },
  };
}

/** A handler for every other dataset, so that the registry can be built. */
const others = (Object.keys(DATASET_RULES) as DatasetHandler['dataset'][]).filter((dataset) => dataset !== 'historical_prices').map((dataset) => recordingHandler(1, dataset));
/** The configured chain: Yahoo serving bars and quotes, and Finnhub serving quotes only. */
function catalogOf(yahoo: MarketDataProvider, finnhub?: MarketDataProvider): ProviderCatalog {
  const catalog = new ProviderCatalog();
  catalog.add('yahoo', yahoo);
  if (finnhub) catalog.add('finnhub', finnhub);
  return catalog;
}
const symbols = Array.from({ length: 7 }, (_, i) => `S${i}`);
const run = (): DatasetRun => ({ job: makeJob({ stock_ids: symbols }), runId: 'r', startedAt: 0, asOf: 0, logContext: () => ({}) });

describe('DatasetRegistry', () => {
  it("hands the job's symbols to its handler in the handler's batches, and counts each batch done", async () => {
    const handler = recordingHandler(3);
    const done: number[] = [];
    const outcomes = await new DatasetRegistry([handler, ...others], { fetchChart: async () => ({ bars: [], actions: [] }) }, catalogOf({})).fetchAll(run(), 2, (count) => done.push(count));
    expect(handler.batches).toEqual([['S0', 'S1', 'S2'], ['S3', 'S4', 'S5'], ['S6']]);
    expect(done.sort()).toEqual([1, 3, 3]);
    expect(outcomes.map((outcome) => outcome.symbol)).toEqual(symbols);
  });

  it('fails the start-up when a dataset has no handler, naming it', () => {
    const lacking = others.filter((handler) => handler.dataset !== 'news_data');
    expect(() => new DatasetRegistry([recordingHandler(1), ...lacking], {}, catalogOf({}))).toThrow('no DatasetHandler registered for news_data (add the dataset\'s parts to DATASET_PARTS)');
  });

  it("refuses a dataset whose method the host's provider lacks, naming the method", () => {
    const registry = new DatasetRegistry([recordingHandler(1), ...others], {}, catalogOf({}));
    expect(() => registry.assertServed('historical_prices')).toThrow(BadRequestException);
    try {
      registry.assertServed('historical_prices');
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({
        message: ['dataset historical_prices needs a market-data provider with fetchChart(); the configured provider has none'],
      });
    }
  });

  it("refuses a job's own providers that are not configured or do not serve its dataset, naming each", () => {
    const quotes = { fetchQuotes: async () => ({}) };
    const provider = { fetchChart: async () => ({ bars: [], actions: [] }), ...quotes };
    const registry = new DatasetRegistry([recordingHandler(1), ...others], provider, catalogOf(provider, quotes));
    expect(() => registry.assertServed('stock_quotes', ['finnhub', 'yahoo'])).not.toThrow();
    try {
      registry.assertServed('historical_prices', ['finnhub', 'polygon', 'yahoo']);
      throw new Error('accepted');
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({
        message: ['provider finnhub serves no historical_prices (it has no fetchChart())', 'provider polygon is not configured (MARKET_DATA_PROVIDERS is yahoo,finnhub)'],
      });
    }
  });
});

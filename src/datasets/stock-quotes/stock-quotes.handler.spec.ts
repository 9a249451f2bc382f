import { Logger } from '@nestjs/common';
import type { MarketDataProvider } from '../../market-data/market-data-provider.js';
import { ProviderUnavailableError } from '../../market-data/provider-errors.js';
import { makeJob } from '../../storage/contract/fixtures.js';
import type { DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import { MemoryQuoteStore } from './memory-quote-store.js';
import { makeQuote, MINUTE_MS, QUOTE_T0 } from './quote-fixtures.js';
import type { QuotesAnswer, QuotesRequest } from './quote.js';
import { StockQuotesHandler } from './stock-quotes.handler.js';

const DAY_MS = 86_400_000;

/** A provider answering `answer` (deep-frozen: answers are shared between runs) and recording each request. */
function quoteProvider(answer: QuotesAnswer | Error): MarketDataProvider & { requests: string[][] } {
  const requests: string[][] = [];
  for (const quote of Object.values(answer)) Object.freeze(quote);
  return {
    requests,
    fetchQuotes: async ({ symbols }: QuotesRequest) => {
      requests.push(symbols);
      if (answer instanceof Error) throw answer;
      return Object.freeze(answer);
    },
  };
}

function runOf(startedAt = QUOTE_T0, jobId = 'job-1'): DatasetRun {
  const job = makeJob({ job_id: jobId, dataset: 'stock_quotes', stock_ids: ['AAPL', 'MSFT', 'GOOG'], prefix: 'stock', retention_days: 2 });
  return { job, runId: `run-${startedAt}`, startedAt, asOf: startedAt, logContext: (symbol) => ({ job_id: jobId, symbol }) };
}

const written = (outcomes: SymbolOutcome[]) => outcomes.map((outcome) => ('written' in outcome ? outcome.written : outcome.error.kind));

describe('StockQuotesHandler', () => {
  let store: MemoryQuoteStore;
  beforeAll(() => Logger.overrideLogger(['error', 'warn']));
  beforeEach(() => {
    store = new MemoryQuoteStore();
  });
  const handlerFor = (provider: MarketDataProvider, shared = new SharedRequests()) => new StockQuotesHandler(provider, shared, store);

  it('asks for the whole batch in one request and appends each quote to its own series', async () => {
    const provider = quoteProvider({ AAPL: makeQuote(0), MSFT: makeQuote(0, { price: 410.5 }) });
    const handler = handlerFor(provider);
    expect(handler.batchSize).toBe(50);
    expect(await handler.fetch(runOf(), ['AAPL', 'MSFT'])).toEqual([
      { symbol: 'AAPL', written: 1, rejected: 0 },
      { symbol: 'MSFT', written: 1, rejected: 0 },
    ]);
    expect(provider.requests).toEqual([['AAPL', 'MSFT']]);
    expect(await store.latest('stock', ['AAPL', 'MSFT'])).toEqual({ AAPL: makeQuote(0), MSFT: makeQuote(0, { price: 410.5 }) });
  });

  it('writes nothing new when a later run fetches the same quote again', async () => {
    const provider = quoteProvider({ AAPL: makeQuote(0) });
    const handler = handlerFor(provider);
    await handler.fetch(runOf(QUOTE_T0), ['AAPL']);
    expect(written(await handler.fetch(runOf(QUOTE_T0 + MINUTE_MS), ['AAPL']))).toEqual([0]);
    expect(provider.requests).toHaveLength(2);
    expect(await store.range({ prefix: 'stock', symbol: 'AAPL' })).toEqual([makeQuote(0)]);
  });

  it('fails a symbol missing from the answer alone, with SymbolNotFoundError', async () => {
    const outcomes = await handlerFor(quoteProvider({ AAPL: makeQuote(0), GOOG: makeQuote(0) })).fetch(runOf(), ['AAPL', 'NOPE', 'GOOG']);
    expect(written(outcomes)).toEqual([1, 'SymbolNotFoundError', 1]);
    expect(outcomes[1]).toMatchObject({ rejected: 0, error: { symbol: 'NOPE', error: "NOPE is not in the provider's quote answer" } });
  });

  it('fails every symbol of a batch whose request failed, with its error', async () => {
    const outcomes = await handlerFor(quoteProvider(new ProviderUnavailableError('HTTP 503'))).fetch(runOf(), ['AAPL', 'MSFT']);
    expect(outcomes).toEqual(['AAPL', 'MSFT'].map((symbol) => ({ symbol, rejected: 0, error: { symbol, error: 'HTTP 503', kind: 'ProviderUnavailableError', attempts: 1 } })));
    expect(await store.latest('stock', ['AAPL', 'MSFT'])).toEqual({});
  });

  it('fails a symbol whose quote validation dropped with NoDataError, counting it rejected', async () => {
    const outcomes = await handlerFor(quoteProvider({ AAPL: makeQuote(0, { price: NaN }), MSFT: makeQuote(0) })).fetch(runOf(), ['AAPL', 'MSFT']);
    expect(outcomes[0]).toMatchObject({ symbol: 'AAPL', rejected: 1, error: { kind: 'NoDataError' } });
    expect(outcomes[1]).toEqual({ symbol: 'MSFT', written: 1, rejected: 0 });
  });

  it("keeps only the job's retention: an older quote is not stored, and older stored ones go", async () => {
    const handler = handlerFor(quoteProvider({ AAPL: makeQuote(0), MSFT: makeQuote(0) }));
    await handler.fetch(runOf(QUOTE_T0), ['AAPL']);
    const later = handlerFor(quoteProvider({ AAPL: makeQuote(3 * 24 * 60), MSFT: makeQuote(0) }));
    expect(written(await later.fetch(runOf(QUOTE_T0 + 3 * DAY_MS), ['AAPL', 'MSFT']))).toEqual([1, 0]);
    expect(await store.range({ prefix: 'stock', symbol: 'AAPL' })).toEqual([makeQuote(3 * 24 * 60)]);
  });

  it('shares one request between runs for the same fire instant and batch', async () => {
    const provider = quoteProvider({ AAPL: makeQuote(0) });
    const shared = new SharedRequests();
    await Promise.all([handlerFor(provider, shared).fetch(runOf(QUOTE_T0, 'a'), ['AAPL']), handlerFor(provider, shared).fetch(runOf(QUOTE_T0, 'b'), ['AAPL'])]);
    await handlerFor(provider, shared).fetch(runOf(QUOTE_T0 + MINUTE_MS, 'a'), ['AAPL']);
    expect(provider.requests).toEqual([['AAPL'], ['AAPL']]);
  });

  it("fails each symbol with DatasetUnsupportedError on a host's provider without fetchQuotes", async () => {
    expect(written(await handlerFor({}).fetch(runOf(), ['AAPL', 'MSFT']))).toEqual(['DatasetUnsupportedError', 'DatasetUnsupportedError']);
  });
});

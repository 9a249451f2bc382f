import { Logger } from '@nestjs/common';
import type { MarketDataProvider } from '../../market-data/market-data-provider.js';
import { ProviderUnavailableError, SymbolNotFoundError } from '../../market-data/provider-errors.js';
import { makeJob } from '../../storage/contract/fixtures.js';
import type { DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import { MemoryOptionsStore } from './memory-options-store.js';
import type { OptionChain, OptionsRequest } from './option-chain.js';
import { EXPIRATIONS, FETCHED_T0, makeContract, makeSnapshot } from './option-fixtures.js';
import { OptionsChainHandler } from './options-chain.handler.js';

const DAY_MS = 86_400_000;

/** The recorded-like chain of an expiration (an index into EXPIRATIONS), deep-frozen: answers are shared between runs. */
function chainOf(expiration: number, overrides: Partial<OptionChain> = {}): OptionChain {
  const { fetched_at: _fetched, ...chain } = makeSnapshot(0, expiration, overrides);
  return Object.freeze({ ...chain, calls: Object.freeze(chain.calls.map((c) => Object.freeze(c))) as OptionChain['calls'] });
}

/** Answers each request through `answer`, recording `{symbol}@{expiration index or nearest}`. */
function optionsProvider(answer: (request: OptionsRequest) => OptionChain = (r) => chainOf(r.expiration === undefined ? 0 : EXPIRATIONS.indexOf(r.expiration))) {
  const requests: string[] = [];
  const provider: MarketDataProvider = {
    fetchOptions: async (request) => {
      requests.push(`${request.symbol}@${request.expiration === undefined ? 'nearest' : EXPIRATIONS.indexOf(request.expiration)}`);
      return answer(request);
    },
  };
  return { provider, requests };
}

function runOf(expirations: number, startedAt = FETCHED_T0, jobId = 'job-1'): DatasetRun {
  const job = makeJob({ job_id: jobId, dataset: 'options_chain', stock_ids: ['AAPL'], prefix: 'stock', expirations, retention_days: 7 });
  return { job, runId: `run-${startedAt}`, startedAt, asOf: startedAt, logContext: (symbol) => ({ symbol }) };
}

const outcome = (outcomes: SymbolOutcome[]) => outcomes.map((o) => ('written' in o ? o.written : o.error.kind));
const aapl = { prefix: 'stock', symbol: 'AAPL' };

describe('OptionsChainHandler', () => {
  let store: MemoryOptionsStore;
  beforeAll(() => Logger.overrideLogger(['error', 'warn']));
  beforeEach(() => {
    store = new MemoryOptionsStore();
  });
  const handlerFor = (provider: MarketDataProvider, shared = new SharedRequests()) => new OptionsChainHandler(provider, shared, store);

  it('fetches the nearest expiration, then each further one up to the job\'s count, and stores each fetched at the run start', async () => {
    const { provider, requests } = optionsProvider();
    const handler = handlerFor(provider);
    expect(handler.batchSize).toBe(1);
    expect(await handler.fetch(runOf(3), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 9, rejected: 0 }]);
    expect(requests).toEqual(['AAPL@nearest', 'AAPL@1', 'AAPL@2']);
    for (const expiration of [0, 1, 2]) expect(await store.read(aapl, { expiration: EXPIRATIONS[expiration] })).toEqual(makeSnapshot(0, expiration));
    expect(await store.read(aapl)).toEqual(makeSnapshot(0, 0));
  });

  it('makes one request when the job wants one expiration, and no more than the provider lists', async () => {
    const one = optionsProvider();
    await handlerFor(one.provider).fetch(runOf(1), ['AAPL']);
    expect(one.requests).toEqual(['AAPL@nearest']);
    const many = optionsProvider();
    await handlerFor(many.provider).fetch(runOf(12), ['AAPL']);
    expect(many.requests).toEqual(['AAPL@nearest', 'AAPL@1', 'AAPL@2']);
  });

  it('drops contracts without a strike and counts them; a symbol whose contracts all failed fails with NoDataError', async () => {
    const broken = { calls: [makeContract(NaN), makeContract(110)], puts: [makeContract(NaN, 'P')] };
    const partly = optionsProvider(() => chainOf(0, broken));
    expect(await handlerFor(partly.provider).fetch(runOf(1), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 1, rejected: 2 }]);
    const none = optionsProvider(() => chainOf(0, { calls: [makeContract(NaN)], puts: [] }));
    expect(await handlerFor(none.provider).fetch(runOf(1), ['MSFT'])).toMatchObject([{ symbol: 'MSFT', rejected: 1, error: { kind: 'NoDataError' } }]);
  });

  it('stores an expiration the provider gave no contracts for as it is', async () => {
    const { provider } = optionsProvider((request) => (request.expiration === undefined ? chainOf(0) : chainOf(1, { calls: [], puts: [] })));
    expect(await handlerFor(provider).fetch(runOf(2), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 3, rejected: 0 }]);
    expect(await store.read(aapl, { expiration: EXPIRATIONS[1] })).toEqual(makeSnapshot(0, 1, { calls: [], puts: [] }));
  });

  it('fails a symbol the provider lists no options for with NoDataError, storing nothing', async () => {
    const { provider } = optionsProvider(() => chainOf(0, { expiration: null, expiration_dates: [], calls: [], puts: [] }));
    expect(await handlerFor(provider).fetch(runOf(2), ['BTC-USD'])).toMatchObject([{ symbol: 'BTC-USD', error: { kind: 'NoDataError', error: 'the provider lists no options for BTC-USD' } }]);
    expect(await store.read({ prefix: 'stock', symbol: 'BTC-USD' })).toBeNull();
  });

  it('stores none of a fetch whose further request failed, and fails the symbol with its error', async () => {
    const { provider } = optionsProvider((request) => {
      if (request.expiration !== undefined) throw new ProviderUnavailableError('HTTP 503');
      return chainOf(0);
    });
    expect(outcome(await handlerFor(provider).fetch(runOf(2), ['AAPL']))).toEqual(['ProviderUnavailableError']);
    expect(await store.read(aapl)).toBeNull();
  });

  it('fails an unknown symbol alone', async () => {
    const { provider } = optionsProvider((request) => {
      if (request.symbol === 'NOPE') throw new SymbolNotFoundError('NOPE: not found');
      return chainOf(0);
    });
    expect(outcome(await handlerFor(provider).fetch(runOf(1), ['NOPE']))).toEqual(['SymbolNotFoundError']);
    expect(outcome(await handlerFor(provider).fetch(runOf(1), ['AAPL']))).toEqual([3]);
  });

  it("trims snapshots older than the job's retention as new ones are written", async () => {
    const { provider } = optionsProvider();
    await handlerFor(provider).fetch(runOf(1, FETCHED_T0), ['AAPL']);
    await handlerFor(provider).fetch(runOf(1, FETCHED_T0 + 8 * DAY_MS), ['AAPL']);
    expect(await store.read(aapl, { at: FETCHED_T0 + DAY_MS })).toBeNull();
    expect((await store.read(aapl))?.fetched_at).toBe(FETCHED_T0 + 8 * DAY_MS);
  });

  it('shares the requests of runs for the same fire instant', async () => {
    const { provider, requests } = optionsProvider();
    const shared = new SharedRequests();
    await Promise.all(['a', 'b'].map((job) => handlerFor(provider, shared).fetch(runOf(2, FETCHED_T0, job), ['AAPL'])));
    expect(requests).toEqual(['AAPL@nearest', 'AAPL@1']);
  });
});

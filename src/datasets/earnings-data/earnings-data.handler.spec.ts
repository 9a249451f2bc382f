import { Logger } from '@nestjs/common';
import type { MarketDataProvider } from '../../market-data/market-data-provider.js';
import { SymbolNotFoundError } from '../../market-data/provider-errors.js';
import { makeJob } from '../../storage/contract/fixtures.js';
import type { DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import { EarningsDataHandler } from './earnings-data.handler.js';
import type { Earnings } from './earnings.js';
import { ESTIMATED, FETCHED_T0, makeEarnings, QUARTERS } from './earnings-fixtures.js';
import { MemoryEarningsStore } from './memory-earnings-store.js';

const HOUR_MS = 3_600_000;

/** Answers each symbol with `answer(symbol)` (frozen: answers are shared between runs), recording the symbols asked. */
function earningsProvider(answer: (symbol: string) => Earnings = () => makeEarnings()) {
  const requests: string[] = [];
  const provider: MarketDataProvider = {
    fetchEarnings: async ({ symbol }) => {
      requests.push(symbol);
      const earnings = answer(symbol);
      return Object.freeze({ ...earnings, quarters: Object.freeze(earnings.quarters.map((q) => Object.freeze({ ...q }))) as Earnings['quarters'] });
    },
  };
  return { provider, requests };
}

function runOf(startedAt = FETCHED_T0, jobId = 'job-1'): DatasetRun {
  const job = makeJob({ job_id: jobId, dataset: 'earnings_data', stock_ids: ['AAPL'], prefix: 'stock' });
  return { job, runId: `run-${startedAt}`, startedAt, asOf: startedAt, logContext: (symbol) => ({ symbol }) };
}

const outcome = (outcomes: SymbolOutcome[]) => outcomes.map((o) => ('written' in o ? o.written : o.error.kind));
const aapl = { prefix: 'stock', symbol: 'AAPL' };

describe('EarningsDataHandler', () => {
  let store: MemoryEarningsStore;
  beforeAll(() => Logger.overrideLogger(['error', 'warn']));
  beforeEach(() => {
    store = new MemoryEarningsStore();
  });
  const handlerFor = (provider: MarketDataProvider, shared = new SharedRequests()) => new EarningsDataHandler(provider, shared, store);

  it('stores the quarters and next dates fetched at the run start, one symbol per batch', async () => {
    const { provider, requests } = earningsProvider();
    const handler = handlerFor(provider);
    expect([handler.dataset, handler.batchSize]).toEqual(['earnings_data', 1]);
    expect(await handler.fetch(runOf(), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 4, rejected: 0 }]);
    expect(requests).toEqual(['AAPL']);
    expect(await store.read(aapl)).toEqual({ fetched_at: FETCHED_T0, source: 'yahoo', ...makeEarnings() });
  });

  it('writes 0 for an unchanged re-fetch; a quarter reported since counts as written, never duplicated', async () => {
    let quarters = [...QUARTERS, ESTIMATED];
    const { provider } = earningsProvider(() => makeEarnings({ quarters }));
    await handlerFor(provider).fetch(runOf(FETCHED_T0), ['AAPL']);
    expect(outcome(await handlerFor(provider).fetch(runOf(FETCHED_T0 + 6 * HOUR_MS), ['AAPL']))).toEqual([0]);
    quarters = [...QUARTERS, { ...ESTIMATED, eps_actual: 1.65 }];
    expect(outcome(await handlerFor(provider).fetch(runOf(FETCHED_T0 + 12 * HOUR_MS), ['AAPL']))).toEqual([1]);
    expect(await store.read(aapl)).toEqual({ fetched_at: FETCHED_T0 + 12 * HOUR_MS, source: 'yahoo', ...makeEarnings({ quarters }) });
  });

  it('drops quarters without a valid quarter end and counts them; a symbol with nothing left fails with NoDataError', async () => {
    const broken = [{ ...QUARTERS[0], quarter_end: '2024-02-30' }, QUARTERS[1]];
    const partly = earningsProvider(() => makeEarnings({ quarters: broken }));
    expect(await handlerFor(partly.provider).fetch(runOf(), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 1, rejected: 1 }]);
    const none = earningsProvider(() => ({ next_earnings_dates: [], quarters: broken.slice(0, 1) }));
    expect(await handlerFor(none.provider).fetch(runOf(), ['MSFT'])).toMatchObject([
      { symbol: 'MSFT', rejected: 1, error: { kind: 'NoDataError', error: 'all 1 earnings quarters of MSFT failed validation' } },
    ]);
    expect(await store.read({ prefix: 'stock', symbol: 'MSFT' })).toBeNull();
  });

  it('fails a symbol without quarters or next dates with NoDataError, and stores next dates alone', async () => {
    const { provider } = earningsProvider((symbol) => makeEarnings({ quarters: [], next_earnings_dates: symbol === 'NEW' ? [FETCHED_T0] : [] }));
    const [none, dated] = await handlerFor(provider).fetch(runOf(), ['NONE', 'NEW']);
    expect(none).toMatchObject({ symbol: 'NONE', rejected: 0, error: { kind: 'NoDataError', error: 'the provider has no earnings of NONE' } });
    expect(dated).toEqual({ symbol: 'NEW', written: 0, rejected: 0 });
    expect(await store.read({ prefix: 'stock', symbol: 'NEW' })).toEqual({ fetched_at: FETCHED_T0, source: 'yahoo', next_earnings_dates: [FETCHED_T0], quarters: [] });
  });

  it('fails an unknown symbol alone', async () => {
    const { provider } = earningsProvider((symbol) => {
      if (symbol === 'NOPE') throw new SymbolNotFoundError('NOPE: Quote not found for symbol: NOPE');
      return makeEarnings();
    });
    expect(outcome(await handlerFor(provider).fetch(runOf(), ['NOPE', 'AAPL']))).toEqual(['SymbolNotFoundError', 4]);
  });

  it('shares the requests of runs for the same fire instant', async () => {
    const { provider, requests } = earningsProvider();
    const shared = new SharedRequests();
    await Promise.all(['a', 'b'].map((job) => handlerFor(provider, shared).fetch(runOf(FETCHED_T0, job), ['AAPL'])));
    expect(requests).toEqual(['AAPL']);
    await handlerFor(provider, shared).fetch(runOf(FETCHED_T0 + HOUR_MS), ['AAPL']);
    expect(requests).toEqual(['AAPL', 'AAPL']);
  });
});

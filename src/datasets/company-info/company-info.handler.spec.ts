import { Logger } from '@nestjs/common';
import type { MarketDataProvider } from '../../market-data/market-data-provider.js';
import { SymbolNotFoundError } from '../../market-data/provider-errors.js';
import { makeJob } from '../../storage/contract/fixtures.js';
import type { DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import { CompanyInfoHandler } from './company-info.handler.js';
import type { CompanyProfile } from './company-profile.js';
import { MemoryProfileStore } from './memory-profile-store.js';
import { EMPTY_PROFILE, FETCHED_T0, makeProfile, WEEK_MS } from './profile-fixtures.js';

/** Answers each symbol with `answer(symbol)` (deep-frozen: answers are shared between runs), recording the symbols asked. */
function profileProvider(answer: (symbol: string) => CompanyProfile = () => makeProfile()) {
  const requests: string[] = [];
  const provider: MarketDataProvider = {
    fetchProfile: async ({ symbol }) => {
      requests.push(symbol);
      const profile = answer(symbol);
      return Object.freeze({ ...profile, officers: Object.freeze(profile.officers.map((o) => Object.freeze(o))) as CompanyProfile['officers'] });
    },
  };
  return { provider, requests };
}

function runOf(startedAt = FETCHED_T0, jobId = 'job-1', stock_ids = ['AAPL']): DatasetRun {
  const job = makeJob({ job_id: jobId, dataset: 'company_info', stock_ids, prefix: 'stock' });
  return { job, runId: `run-${startedAt}`, startedAt, asOf: startedAt, logContext: (symbol) => ({ symbol }) };
}

const outcome = (outcomes: SymbolOutcome[]) => outcomes.map((o) => ('written' in o ? o.written : o.error.kind));
const aapl = { prefix: 'stock', symbol: 'AAPL' };

describe('CompanyInfoHandler', () => {
  let store: MemoryProfileStore;
  beforeAll(() => Logger.overrideLogger(['error', 'warn']));
  beforeEach(() => {
    store = new MemoryProfileStore();
  });
  const handlerFor = (provider: MarketDataProvider, shared = new SharedRequests()) => new CompanyInfoHandler(provider, shared, store);

  it('stores the profile fetched at the run start, one symbol per batch', async () => {
    const { provider, requests } = profileProvider();
    const handler = handlerFor(provider);
    expect([handler.dataset, handler.batchSize]).toEqual(['company_info', 1]);
    expect(await handler.fetch(runOf(), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 1, rejected: 0 }]);
    expect(requests).toEqual(['AAPL']);
    expect(await store.read(aapl)).toEqual({ profile: makeProfile(), fetched_at: FETCHED_T0, source: 'yahoo', changes: [] });
  });

  it('writes 0 for an unchanged re-fetch, and keeps a changed field as a change with its time', async () => {
    let sector = 'Technology';
    const { provider } = profileProvider(() => makeProfile({ sector }));
    await handlerFor(provider).fetch(runOf(FETCHED_T0), ['AAPL']);
    expect(outcome(await handlerFor(provider).fetch(runOf(FETCHED_T0 + WEEK_MS), ['AAPL']))).toEqual([0]);
    sector = 'Consumer Cyclical';
    expect(outcome(await handlerFor(provider).fetch(runOf(FETCHED_T0 + 2 * WEEK_MS), ['AAPL']))).toEqual([1]);
    expect(await store.read(aapl)).toEqual({
      profile: makeProfile({ sector }),
      fetched_at: FETCHED_T0 + 2 * WEEK_MS,
      source: 'yahoo',
      changes: [{ at: FETCHED_T0 + 2 * WEEK_MS, field: 'sector', from: 'Technology', to: 'Consumer Cyclical' }],
    });
  });

  it('fails a symbol whose profile has nothing at all with NoDataError, storing nothing; a profile without a name is kept', async () => {
    const { provider } = profileProvider((symbol) => (symbol === 'EMPTY' ? EMPTY_PROFILE : { ...EMPTY_PROFILE, sector: 'Technology' }));
    const [empty, nameless] = await handlerFor(provider).fetch(runOf(), ['EMPTY', 'NONAME']);
    expect(empty).toMatchObject({ symbol: 'EMPTY', rejected: 0, error: { kind: 'NoDataError', error: 'the provider has no profile of EMPTY' } });
    expect(nameless).toEqual({ symbol: 'NONAME', written: 1, rejected: 0 });
    expect(await store.read({ prefix: 'stock', symbol: 'EMPTY' })).toBeNull();
  });

  it('fails an unknown symbol alone', async () => {
    const { provider } = profileProvider((symbol) => {
      if (symbol === 'NOPE') throw new SymbolNotFoundError('NOPE: Quote not found for symbol: NOPE');
      return makeProfile();
    });
    const outcomes = await handlerFor(provider).fetch(runOf(), ['NOPE', 'AAPL']);
    expect(outcomes).toEqual([
      { symbol: 'NOPE', rejected: 0, error: { symbol: 'NOPE', error: 'NOPE: Quote not found for symbol: NOPE', kind: 'SymbolNotFoundError', attempts: 1 } },
      { symbol: 'AAPL', written: 1, rejected: 0 },
    ]);
  });

  it('shares the requests of runs for the same fire instant', async () => {
    const { provider, requests } = profileProvider();
    const shared = new SharedRequests();
    const outcomes = await Promise.all(['a', 'b'].map((job) => handlerFor(provider, shared).fetch(runOf(FETCHED_T0, job), ['AAPL'])));
    expect(requests).toEqual(['AAPL']);
    // Both runs write the one answer: the first stores it, the second finds it unchanged.
    expect(outcomes.map(outcome).flat().sort()).toEqual([0, 1]);
  });
});

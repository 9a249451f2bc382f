import { Logger } from '@nestjs/common';
import type { MarketDataProvider } from '../../market-data/market-data-provider.js';
import { ProviderUnavailableError } from '../../market-data/provider-errors.js';
import { makeJob } from '../../storage/contract/fixtures.js';
import type { DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { SharedRequests } from '../single-flight.js';
import { MemoryNewsStore } from './memory-news-store.js';
import type { NewsArticle, NewsRequest } from './news-article.js';
import { NewsDataHandler } from './news-data.handler.js';
import { makeArticle, PUBLISHED_T0 } from './news-fixtures.js';

const DAY_MS = 86_400_000;
const RUN_T0 = PUBLISHED_T0 + DAY_MS;

/** The newest `count` of a symbol's articles 0…9 (minutes after PUBLISHED_T0), deep-frozen: answers are shared between runs. */
function answerOf(request: NewsRequest): NewsArticle[] {
  const articles = Array.from({ length: 10 }, (_, n) => makeArticle(9 - n, { related_tickers: [request.symbol] }));
  return Object.freeze(articles.slice(0, request.count).map((article) => Object.freeze(article))) as NewsArticle[];
}

/** Answers each request through `answer`, recording `{symbol}×{count}`. */
function newsProvider(answer: (request: NewsRequest) => NewsArticle[] = answerOf) {
  const requests: string[] = [];
  const provider: MarketDataProvider = {
    fetchNews: async (request) => {
      requests.push(`${request.symbol}×${request.count}`);
      return answer(request);
    },
  };
  return { provider, requests };
}

function runOf(options: { news_count?: number; retention_days?: number; startedAt?: number; jobId?: string } = {}): DatasetRun {
  const { startedAt = RUN_T0, jobId = 'job-1', ...fields } = options;
  const job = makeJob({ job_id: jobId, dataset: 'news_data', stock_ids: ['AAPL'], prefix: 'stock', ...fields });
  return { job, runId: `run-${startedAt}`, startedAt, asOf: startedAt, logContext: (symbol) => ({ symbol }) };
}

const outcome = (outcomes: SymbolOutcome[]) => outcomes.map((o) => ('written' in o ? o.written : o.error.kind));
const aapl = { prefix: 'stock', symbol: 'AAPL' };

describe('NewsDataHandler', () => {
  let store: MemoryNewsStore;
  beforeAll(() => Logger.overrideLogger(['error', 'warn']));
  beforeEach(() => {
    store = new MemoryNewsStore();
  });
  const handlerFor = (provider: MarketDataProvider, shared = new SharedRequests()) => new NewsDataHandler(provider, shared, store);

  it("asks for the job's news_count (default 10) articles a symbol and stores them, newest first", async () => {
    const { provider, requests } = newsProvider();
    const handler = handlerFor(provider);
    expect(handler.batchSize).toBe(1);
    expect(await handler.fetch(runOf({ news_count: 3 }), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 3, rejected: 0 }]);
    expect(await store.range(aapl)).toEqual([9, 8, 7].map((n) => makeArticle(n)));
    expect(await handler.fetch(runOf({ startedAt: RUN_T0 + 1 }), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 7, rejected: 0 }]);
    expect(requests).toEqual(['AAPL×3', 'AAPL×10']);
  });

  it('writes nothing for articles already stored, by this job or another with the same prefix', async () => {
    const { provider } = newsProvider();
    expect(outcome(await handlerFor(provider).fetch(runOf(), ['AAPL']))).toEqual([10]);
    expect(outcome(await handlerFor(provider).fetch(runOf({ startedAt: RUN_T0 + 60_000 }), ['AAPL']))).toEqual([0]);
    expect(outcome(await handlerFor(provider).fetch(runOf({ startedAt: RUN_T0 + 120_000, jobId: 'job-2' }), ['AAPL']))).toEqual([0]);
    expect(await store.range(aapl)).toHaveLength(10);
  });

  it('drops articles without an id, a title or a time and counts them; a symbol whose articles all failed fails with NoDataError', async () => {
    const broken = [makeArticle(3, { id: '' }), makeArticle(2), makeArticle(1, { title: '' }), makeArticle(0, { published_at: NaN })];
    const partly = newsProvider(() => broken);
    expect(await handlerFor(partly.provider).fetch(runOf(), ['AAPL'])).toEqual([{ symbol: 'AAPL', written: 1, rejected: 3 }]);
    const none = newsProvider(() => [makeArticle(0, { id: '' }), makeArticle(1, { published_at: NaN })]);
    expect(await handlerFor(none.provider).fetch(runOf(), ['MSFT'])).toMatchObject([
      { symbol: 'MSFT', rejected: 2, error: { kind: 'NoDataError', error: 'all 2 articles of MSFT failed validation' } },
    ]);
    expect(await store.range({ prefix: 'stock', symbol: 'MSFT' })).toEqual([]);
  });

  it('counts an answer without articles as a success that writes nothing', async () => {
    const { provider } = newsProvider(() => []);
    expect(await handlerFor(provider).fetch(runOf(), ['NOPE'])).toEqual([{ symbol: 'NOPE', written: 0, rejected: 0 }]);
  });

  it('fails a symbol whose request failed with its error, storing nothing', async () => {
    const { provider } = newsProvider(() => {
      throw new ProviderUnavailableError('HTTP 503');
    });
    expect(outcome(await handlerFor(provider).fetch(runOf(), ['AAPL']))).toEqual(['ProviderUnavailableError']);
    expect(await store.range(aapl)).toEqual([]);
  });

  it("keeps no article published before the job's retention, and drops stored ones as it moves on", async () => {
    const { provider } = newsProvider();
    // Articles 0…9 are one day and up to 9 minutes old at RUN_T0.
    await handlerFor(provider).fetch(runOf({ retention_days: 2 }), ['AAPL']);
    expect(await store.range(aapl)).toHaveLength(10);
    const later = RUN_T0 + DAY_MS + 5 * 60_000;
    expect(outcome(await handlerFor(provider).fetch(runOf({ retention_days: 2, startedAt: later }), ['AAPL']))).toEqual([0]);
    expect(await store.range(aapl)).toEqual([9, 8, 7, 6, 5].map((n) => makeArticle(n)));
  });

  it('shares the requests of runs for the same fire instant and count', async () => {
    const { provider, requests } = newsProvider();
    const shared = new SharedRequests();
    const runs = [runOf({ jobId: 'a' }), runOf({ jobId: 'b' }), runOf({ jobId: 'c', news_count: 4 })];
    await Promise.all(runs.map((run) => handlerFor(provider, shared).fetch(run, ['AAPL'])));
    expect(requests.sort()).toEqual(['AAPL×10', 'AAPL×4']);
  });
});

import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { loadRecording, SEARCH_RECORDINGS } from './support/fake-yahoo-fixtures.js';
import { keysUnder, recordedRuns, type StoreKind } from './support/test-app.js';
import { editedRecording } from './support/yahoo-provider-context.js';

type RawArticle = Record<string, unknown>;

/** The recorded articles of `symbol` as the read route serves them, newest first, mapped here from Yahoo's own field names. */
async function recordedArticles(symbol: string): Promise<Array<Record<string, unknown>>> {
  const body = (await loadRecording(SEARCH_RECORDINGS[symbol])).json as { news: RawArticle[] };
  return [...body.news]
    .sort((a, b) => Number(b.providerPublishTime) - Number(a.providerPublishTime))
    .map((n) => ({
      id: n.uuid,
      title: n.title,
      publisher: n.publisher,
      link: n.link,
      published_at: new Date(Number(n.providerPublishTime) * 1000).toISOString(),
      related_tickers: n.relatedTickers,
      source: 'yahoo',
    }));
}

describe.each<StoreKind>(['redis', 'memory'])('news_data (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const http = ctx.http;

  it('fires a news job through its CronJob and stores each article once, across runs and jobs of one prefix', async () => {
    // The recordings are from February 2025: a retention of ten years keeps them.
    const sent = { name: 'news', dataset: 'news_data', stock_ids: ['AAPL', 'amzn', 'NOPE'], news_count: 10, interval_seconds: 1, market_hours_only: false, retention_days: 3650 };
    const { job_id: id } = (await http().post('/scheduler/jobs').send(sent).expect(201)).body;
    const runs = await recordedRuns<RunRecord>(ctx.t.app.getHttpServer(), id, 2, 20_000);
    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    const [first, second] = runs.slice(-2).reverse();
    // Yahoo's search answers a symbol it does not know with no articles, as it does a quiet one: NOPE is fetched and writes nothing.
    for (const run of [first, second]) {
      expect(run).toMatchObject({ dataset: 'news_data', trigger: 'schedule', status: 'success', fetched_stocks: ['AAPL', 'AMZN', 'NOPE'], failed_stocks: [], items_rejected: 0 });
    }
    const aapl = await recordedArticles('AAPL');
    const amzn = await recordedArticles('AMZN');
    expect(first.points_written).toBe(aapl.length + amzn.length);
    expect(second.points_written).toBe(0);
    const searches = ctx.yahoo.requests.filter((r) => r.kind === 'search').slice(0, 3);
    expect(searches.map((r) => [r.query.q, r.query.newsCount]).sort()).toEqual([['AAPL', '10'], ['AMZN', '10'], ['NOPE', '10']]);

    expect((await http().get('/market-data/aapl/news').expect(200)).body).toEqual(aapl);
    expect((await http().get('/market-data/AMZN/news').expect(200)).body).toEqual(amzn);

    // A second job over the same prefix finds AAPL's articles stored already, GOOG's not.
    const other = { name: 'more news', dataset: 'news_data', stock_ids: ['AAPL', 'GOOG'], is_active: false, retention_days: 3650 };
    const { job_id: otherId } = (await http().post('/scheduler/jobs').send(other).expect(201)).body;
    const goog = await recordedArticles('GOOG');
    expect(await ctx.runAndWait(otherId)).toMatchObject({ status: 'success', points_written: goog.length, fetched_stocks: ['AAPL', 'GOOG'] });
    expect((await http().get('/market-data/AAPL/news').expect(200)).body).toEqual(aapl);
    expect((await http().get('/market-data/GOOG/news').expect(200)).body).toEqual(goog);
    if (ctx.t.redis) {
      const prefix = `${ctx.t.keyPrefix}scheduled_stock_data:`;
      const symbols = ['AAPL', 'AMZN', 'GOOG'];
      expect(await keysUnder(ctx.t.redis, prefix)).toEqual(symbols.flatMap((symbol) => [`${prefix}${symbol}:news`, `${prefix}${symbol}:news:ids`]));
      // Each article once: a line of its day's block, its id once in the set.
      for (const [symbol, articles] of [['AAPL', aapl], ['AMZN', amzn], ['GOOG', goog]] as const) {
        const distinct = new Set(articles.map((article) => article.id)).size;
        const blocks = await ctx.t.redis.zrange(`${prefix}${symbol}:news`, '0', '-1');
        const lines = blocks.flatMap((block) => block.split('\n')).length;
        expect({ symbol, lines, ids: await ctx.t.redis.scard(`${prefix}${symbol}:news:ids`) }).toEqual({ symbol, lines: distinct, ids: distinct });
      }
    }
  });

  it('counts an article without an id as rejected, and reads a range newest first, limited', async () => {
    ctx.yahoo.override('AAPL', { body: editedRecording<{ news: RawArticle[] }>(({ news }) => delete news[1].uuid) }, 'search');
    const job = { name: 'ranges', dataset: 'news_data', stock_ids: ['AAPL'], prefix: 'ranges', is_active: false, retention_days: 3650 };
    const { job_id: id } = (await http().post('/scheduler/jobs').send(job).expect(201)).body;
    expect(await ctx.runAndWait(id)).toMatchObject({ status: 'success', points_written: 3, items_rejected: 1 });
    ctx.yahoo.reset();
    const recorded = await recordedArticles('AAPL');
    const dropped = (await loadRecording(SEARCH_RECORDINGS.AAPL)).json as { news: RawArticle[] };
    const stored = recorded.filter((article) => article.id !== dropped.news[1].uuid);
    const read = async (query: string) => (await http().get(`/market-data/AAPL/news?prefix=ranges&${query}`).expect(200)).body as Array<{ id: string }>;
    expect(await read('')).toEqual(stored);
    expect(await read('limit=2')).toEqual(stored.slice(0, 2));
    const [newest, , oldest] = stored.map((article) => article.published_at as string);
    expect(await read(`from=${oldest}&to=${newest}`)).toEqual(stored);
    expect(await read(`from=${encodeURIComponent(oldest.replace('Z', '+00:00'))}&to=${newest}&limit=1`)).toEqual(stored.slice(0, 1));
    expect(await read(`to=${oldest.slice(0, 10)}`)).toEqual(stored.filter((article) => (article.published_at as string).startsWith(oldest.slice(0, 10))));
    // A range that holds nothing is an empty answer, not a 404: the symbol has articles.
    expect(await read('from=2030-01-01')).toEqual([]);
  });

  it('answers 404 naming the symbol and dataset when nothing is stored, and 400 for a bad query', async () => {
    const missing = await http().get('/market-data/NOPE/news').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no news_data stored for NOPE under prefix scheduled_stock_data' });
    const elsewhere = await http().get('/market-data/AAPL/news?prefix=elsewhere&from=2025-01-01').expect(404);
    expect(elsewhere.body.message).toBe('no news_data stored for AAPL under prefix elsewhere');
    const bad: Array<[string, string]> = [
      ['/market-data/AAPL/news?limit=0', 'limit must be a whole number from 1 to 10000'],
      ['/market-data/AAPL/news?limit=10001', 'limit must be a whole number from 1 to 10000'],
      ['/market-data/AAPL/news?limit=2.5', 'limit must be a whole number from 1 to 10000'],
      ['/market-data/AAPL/news?from=2025-02-30', 'from must be a real calendar date and time'],
      ['/market-data/AAPL/news?to=yesterday', 'to must be a date YYYY-MM-DD'],
      ['/market-data/AAPL/news?prefix=a:b', 'prefix must be 1–64 of A-Z a-z 0-9 _ -'],
      ['/market-data/AAPL/news?count=5', 'property count should not exist'],
      ['/market-data/A$PL/news', 'symbol must be a Yahoo symbol'],
    ];
    for (const [path, message] of bad) {
      const response = await http().get(path);
      expect({ path, status: response.status, message: String(response.body.message) }).toEqual({ path, status: 400, message: expect.stringContaining(message) });
    }
    const backwards = await http().get('/market-data/AAPL/news?from=2025-02-26&to=2025-02-25').expect(400);
    expect(backwards.body.message).toBe('from must not be after to');
  });
});

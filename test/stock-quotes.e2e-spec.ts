import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { loadRecording, QUOTE_RECORDINGS } from './support/fake-yahoo-fixtures.js';
import { syntheticQuotes } from './support/synthetic-quotes.js';
import { keysUnder, recordedRuns, type StoreKind } from './support/test-app.js';

/** The recorded quote of `symbol` as the read routes serve it, mapped here from Yahoo's own field names. */
async function recordedQuote(symbol: string): Promise<Record<string, unknown>> {
  const body = (await loadRecording(QUOTE_RECORDINGS[symbol])).json as { quoteResponse: { result: Array<Record<string, number | string>> } };
  const q = body.quoteResponse.result[0];
  return {
    time: new Date(Number(q.regularMarketTime) * 1000).toISOString(),
    price: q.regularMarketPrice,
    change: q.regularMarketChange,
    change_percent: q.regularMarketChangePercent,
    volume: q.regularMarketVolume,
    open: q.regularMarketOpen,
    day_high: q.regularMarketDayHigh,
    day_low: q.regularMarketDayLow,
    previous_close: q.regularMarketPreviousClose,
    bid: q.bid,
    ask: q.ask,
    market_state: q.marketState,
    currency: q.currency,
    source: 'yahoo',
  };
}

describe.each<StoreKind>(['redis', 'memory'])('stock_quotes (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const http = ctx.http;
  const quoteRequests = () => ctx.yahoo.requests.filter((r) => r.kind === 'quote');

  it('fires a quotes job through its CronJob, stores each quote once, and fails an unknown symbol alone', async () => {
    // The recordings are from February 2025: a retention of ten years keeps them.
    const sent = { name: 'quotes', dataset: 'stock_quotes', stock_ids: ['AAPL', 'amzn', 'NOPE', 'GOOG'], interval_seconds: 1, market_hours_only: false, retention_days: 3650 };
    const { job_id: id } = (await http().post('/scheduler/jobs').send(sent).expect(201)).body;
    const runs = await recordedRuns<RunRecord>(ctx.t.app.getHttpServer(), id, 2, 20_000);
    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    const [first, second] = runs.slice(-2).reverse();
    for (const run of [first, second]) {
      expect(run).toMatchObject({ dataset: 'stock_quotes', trigger: 'schedule', status: 'partial_success', fetched_stocks: ['AAPL', 'AMZN', 'GOOG'], failed_stocks: ['NOPE'], items_rejected: 0 });
      expect(run.errors).toEqual([{ symbol: 'NOPE', error: expect.stringContaining('NOPE'), kind: 'SymbolNotFoundError', attempts: 1 }]);
    }
    // The first run wrote the three quotes; later ones found the same quote times and wrote nothing.
    expect(first.points_written).toBe(3);
    expect(second.points_written).toBe(0);
    // One request a run answers the whole batch.
    expect(quoteRequests().slice(0, 2).map((r) => r.symbols)).toEqual([['AAPL', 'AMZN', 'NOPE', 'GOOG'], ['AAPL', 'AMZN', 'NOPE', 'GOOG']]);

    expect((await http().get('/market-data/aapl/quotes').expect(200)).body).toEqual([await recordedQuote('AAPL')]);
    expect((await http().get('/market-data/quotes/latest?symbols=AAPL,amzn,NOPE,GOOG,MSFT').expect(200)).body).toEqual({
      AAPL: await recordedQuote('AAPL'),
      AMZN: await recordedQuote('AMZN'),
      GOOG: await recordedQuote('GOOG'),
    });
    if (ctx.t.redis) {
      const prefix = `${ctx.t.keyPrefix}scheduled_stock_data:`;
      expect((await keysUnder(ctx.t.redis, prefix)).sort()).toEqual(['AAPL', 'AMZN', 'GOOG'].map((symbol) => `${prefix}${symbol}:quotes`));
    }
  });

  it('keeps a series of quotes as their time moves on, read by range and limit, each time once', async () => {
    // Quote times of the last hour, within the default retention of 30 days.
    const start = Math.floor(Date.now() / 3_600_000) * 3600 - 3600;
    let time = start;
    ctx.yahoo.override('*', { body: await syntheticQuotes({ time: () => time }) }, 'quote');
    const { job_id: id } = (await http().post('/scheduler/jobs').send({ name: 'series', dataset: 'stock_quotes', stock_ids: ['MSFT'], prefix: 'series', is_active: false }).expect(201)).body;
    expect((await http().get(`/scheduler/jobs/${id}`).expect(200)).body).toMatchObject({ dataset: 'stock_quotes', retention_days: 30, interval_seconds: 60, market_hours_only: true });
    for (let minute = 0; minute < 5; minute++) {
      time = start + minute * 60;
      expect((await ctx.runAndWait(id)).points_written).toBe(1);
    }
    expect((await ctx.runAndWait(id)).points_written).toBe(0);
    ctx.yahoo.reset();
    const iso = (minute: number) => new Date((start + minute * 60) * 1000).toISOString();
    const minutes = async (query: string) =>
      ((await http().get(`/market-data/MSFT/quotes?prefix=series&${query}`).expect(200)).body as Array<{ time: string }>).map((q) => (Date.parse(q.time) / 1000 - start) / 60);
    expect(await minutes('')).toEqual([0, 1, 2, 3, 4]);
    expect(await minutes(`from=${iso(1)}&to=${iso(3)}`)).toEqual([1, 2, 3]);
    expect(await minutes('limit=2')).toEqual([3, 4]);
    expect(await minutes(`to=${iso(3).slice(0, 10)}&limit=1`)).toEqual([4]);
    expect(await minutes(`from=${iso(5)}`)).toEqual([]);
  });

  it('answers 404 naming the symbol and dataset when nothing is stored, and 400 for a bad query', async () => {
    const missing = await http().get('/market-data/TSLA/quotes').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no stock_quotes stored for TSLA under prefix scheduled_stock_data' });
    expect((await http().get('/market-data/quotes/latest?symbols=TSLA').expect(200)).body).toEqual({});
    const bad: Array<[string, string]> = [
      ['/market-data/AAPL/quotes?limit=0', 'limit must be a whole number from 1 to 10000'],
      ['/market-data/AAPL/quotes?limit=ten', 'limit must be a whole number from 1 to 10000'],
      ['/market-data/AAPL/quotes?from=2025-02-30', 'from must be a real calendar date and time'],
      ['/market-data/AAPL/quotes?to=yesterday', 'to must be a date YYYY-MM-DD'],
      ['/market-data/AAPL/quotes?prefix=a:b', 'prefix must be 1–64 of A-Z a-z 0-9 _ -'],
      ['/market-data/A$PL/quotes', 'symbol must be a Yahoo symbol'],
      ['/market-data/quotes/latest', 'symbols must be a comma-separated list of 1–100 symbols'],
      ['/market-data/quotes/latest?symbols=AAPL,,MSFT', 'each value in symbols must be a Yahoo symbol'],
      ['/market-data/quotes/latest?symbols=AAPL,A*B', 'each value in symbols must be a Yahoo symbol'],
      [`/market-data/quotes/latest?symbols=${Array.from({ length: 101 }, (_, i) => `S${i}`).join(',')}`, 'symbols must be a comma-separated list of 1–100 symbols'],
    ];
    for (const [path, message] of bad) {
      const response = await http().get(path);
      expect({ path, status: response.status, message: String(response.body.message) }).toEqual({ path, status: 400, message: expect.stringContaining(message) });
    }
    const backwards = await http().get('/market-data/AAPL/quotes?from=2025-02-15&to=2025-02-14').expect(400);
    expect(backwards.body.message).toBe('from must not be after to');
  });

  it('leaves the bars routes as they were, a symbol named QUOTES included', async () => {
    expect((await http().get('/market-data/AAPL').expect(200)).body).toEqual([]);
    expect((await http().get('/market-data/AAPL/actions').expect(200)).body).toEqual([]);
    expect((await http().get('/market-data/quotes').expect(200)).body).toEqual([]);
    expect((await http().get('/market-data/quotes/actions').expect(200)).body).toEqual([]);
  });
});

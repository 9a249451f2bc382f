import { useE2eApp } from './support/e2e-context.js';
import { CHART_RECORDINGS, loadRecording } from './support/fake-yahoo-fixtures.js';
import { metricSample } from './support/metric-sample.js';
import { keysUnder } from './support/test-app.js';

type QuoteField = 'open' | 'high' | 'low' | 'close' | 'volume';
type RecordedQuote = Record<QuoteField, Array<number | null>>;

/** A recorded chart answer with `blank(quote)` applied to its quote columns. */
async function withNulls(symbol: string, blank: (quote: RecordedQuote) => void): Promise<unknown> {
  const body = (await loadRecording(CHART_RECORDINGS[symbol])).json as { chart: { result: [{ indicators: { quote: [RecordedQuote] } }] } };
  blank(body.chart.result[0].indicators.quote[0]);
  return body;
}

interface BarBody {
  date: string;
  open: number;
  close: number;
  adj_close: number | null;
  volume: number;
}

describe('stored market data (redis store)', () => {
  const ctx = useE2eApp('redis');
  const http = ctx.http;

  const runAndWait = ctx.runAndWait.bind(ctx);

  it('stores one series per symbol and interval, upserts overlapping runs in place, and serves ranges oldest first', async () => {
    const id = (
      await http()
        .post('/scheduler/jobs')
        .send({ name: 'aapl', stock_ids: ['aapl'], start_date: '2020-08-31', end_date: '2020-11-06', write_snapshot: true })
        .expect(201)
    ).body.job_id;
    const first = await runAndWait(id);
    expect(first).toMatchObject({ status: 'success', fetched_stocks: ['AAPL'], points_written: 49 });

    const request1 = ctx.yahoo.requests.find((r) => r.symbol === 'AAPL')!;
    expect(request1.query).toMatchObject({ interval: '1d', period1: String(Date.parse('2020-08-31') / 1000) });

    const all: BarBody[] = (await http().get('/market-data/AAPL?interval=1d').expect(200)).body;
    expect(all).toHaveLength(49);
    expect(all.map((bar) => bar.date)).toEqual([...all.map((bar) => bar.date)].sort());
    expect(all[0]).toMatchObject({ date: '2020-08-31T13:30:00.000Z', adj_close: expect.any(Number) });

    const second = await runAndWait(id);
    expect(second).toMatchObject({ status: 'success', points_written: 49 });
    // Incremental: the second run asks only from the last stored bar (2020-11-06 14:30 UTC) on.
    const request2 = ctx.yahoo.requests.filter((r) => r.symbol === 'AAPL')[1];
    expect(request2.query.period1).toBe(String(Date.parse('2020-11-06T14:30:00Z') / 1000));
    expect((await http().get('/market-data/AAPL').expect(200)).body).toEqual(all);

    const september: BarBody[] = (await http().get('/market-data/aapl?from=2020-09-01&to=2020-09-30').expect(200)).body;
    expect(september.length).toBe(21);
    expect(september.every((bar) => bar.date.startsWith('2020-09'))).toBe(true);
    expect((await http().get('/market-data/AAPL?interval=1wk').expect(200)).body).toEqual([]);
    expect((await http().get('/market-data/AAPL?prefix=other').expect(200)).body).toEqual([]);

    const raw = ctx.t.redis!;
    const seriesKey = `${ctx.t.keyPrefix}scheduled_stock_data:AAPL:1d`;
    expect(await raw.type(seriesKey)).toBe('zset');
    expect(await raw.zcard(seriesKey)).toBe(2); // the 49 bars in two blocks of 64 days
    const snapshotKey = `${ctx.t.keyPrefix}scheduled_stock_data:AAPL:2020-08-31:2020-11-06`;
    const snapshot = JSON.parse((await raw.get(snapshotKey))!);
    expect(snapshot).toHaveLength(49);
    expect(Object.keys(snapshot[0])).toEqual(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume']);
    expect(snapshot[0].Date).toBe('2020-08-31');
    expect(await raw.ttl(snapshotKey)).toBeGreaterThan(0);

    const jobKey = `${ctx.t.keyPrefix}scheduler:job:${id}`;
    expect(JSON.parse((await raw.get(jobKey))!)).toMatchObject({ job_id: id, stock_ids: ['AAPL'], start_date: '2020-08-31' });
    expect(await raw.smembers(`${ctx.t.keyPrefix}scheduler:jobs`)).toEqual([id]);
    expect(await raw.llen(`${ctx.t.keyPrefix}scheduler:runs:${id}`)).toBe(2);
    expect(await raw.get(`${seriesKey}:covered`)).toBe(String(Date.parse('2020-08-31')));
    const actionsKey = `${ctx.t.keyPrefix}scheduled_stock_data:AAPL:actions`;
    expect(await raw.type(actionsKey)).toBe('hash');
    expect(await keysUnder(raw, ctx.t.keyPrefix)).toEqual(
      [
        jobKey,
        seriesKey,
        `${seriesKey}:covered`,
        snapshotKey,
        actionsKey,
        `${ctx.t.keyPrefix}scheduler:jobs`,
        `${ctx.t.keyPrefix}scheduler:runs:${id}`,
        `${ctx.t.keyPrefix}scheduler:audit:${id}`,
        `${ctx.t.keyPrefix}scheduler:events`,
        `${ctx.t.keyPrefix}scheduler:replicas`,
        `${ctx.t.keyPrefix}scheduler:replica-info`,
      ].sort(),
    );

    // Splits and dividends from the chart answer are kept with the series.
    expect((await http().get('/market-data/aapl/actions').expect(200)).body).toEqual([
      { date: '2020-08-31T13:30:00.000Z', kind: 'split', numerator: 4, denominator: 1 },
      { date: '2020-11-06T14:30:00.000Z', kind: 'dividend', amount: 0.205 },
    ]);
    expect((await http().get('/market-data/MSFT/actions').expect(200)).body).toEqual([]);
  });

  it('isolates failing symbols: unknown, HTTP 500 and empty answers fail alone', async () => {
    ctx.yahoo.override('NVDA', { status: 500, body: 'Internal Server Error' });
    ctx.yahoo.override('AMZN', { fixture: 'chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json' });
    const id = (await http().post('/scheduler/jobs').send({ name: 'mixed', stock_ids: ['MSFT', 'NOSUCHSYMBOL', 'NVDA', 'AMZN'] }).expect(201)).body.job_id;
    const run = await runAndWait(id);
    expect(run).toMatchObject({ status: 'partial_success', fetched_stocks: ['MSFT'], failed_stocks: ['NOSUCHSYMBOL', 'NVDA', 'AMZN'], points_written: 252 });
    const kinds = Object.fromEntries(run.errors.map((e: { symbol: string; kind: string; attempts: number }) => [e.symbol, [e.kind, e.attempts]]));
    // Only the transient failure is retried: 1 attempt + 3 retries.
    expect(kinds).toEqual({ NOSUCHSYMBOL: ['SymbolNotFoundError', 1], NVDA: ['ProviderUnavailableError', 4], AMZN: ['NoDataError', 1] });
    expect(ctx.yahoo.requests.filter((r) => r.symbol === 'NVDA')).toHaveLength(4);
    ctx.yahoo.reset();
  }, 30_000);

  it('counts every bar dropped for a null field in bars_rejected and the metric, and names an answer of only such bars', async () => {
    ctx.yahoo.override('MSFT', {
      body: await withNulls('MSFT', (q) => {
        q.open[0] = null;
        q.volume[5] = null;
        for (const field of ['open', 'high', 'low', 'close', 'volume'] as const) q[field][10] = null;
      }),
    });
    ctx.yahoo.override('BTC-USD', { body: await withNulls('BTC-USD', (q) => Object.values(q).forEach((column) => column.fill(null))) });
    const rejectedTotal = async () => metricSample((await http().get('/metrics').expect(200)).text, 'scheduler_bars_rejected_total');
    const before = await rejectedTotal();
    const id = (await http().post('/scheduler/jobs').send({ name: 'nulls', stock_ids: ['MSFT', 'BTC-USD'] }).expect(201)).body.job_id;
    const run = await runAndWait(id);
    expect(run).toMatchObject({
      status: 'partial_success',
      fetched_stocks: ['MSFT'],
      failed_stocks: ['BTC-USD'],
      errors: [{ symbol: 'BTC-USD', error: 'all 3 bars failed validation for BTC-USD', kind: 'NoDataError', attempts: 1 }],
      points_written: 249,
      bars_rejected: 6,
    });
    expect((await rejectedTotal())! - before!).toBe(6);
    expect((await http().get('/market-data/BTC-USD').expect(200)).body).toEqual([]);
    ctx.yahoo.reset();
  });

  it('marks a run failed when every symbol fails, and the job failed', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'bad', stock_ids: ['NOPE1', 'NOPE2'] }).expect(201)).body.job_id;
    const run = await runAndWait(id);
    expect(run).toMatchObject({ status: 'failed', fetched_stocks: [], failed_stocks: ['NOPE1', 'NOPE2'] });
    expect((await http().get(`/scheduler/jobs/${id}/status`).expect(200)).body).toMatchObject({ status: 'failed', last_result: { status: 'failed' } });
  });
});

import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { loadRecording, OPTIONS_RECORDINGS } from './support/fake-yahoo-fixtures.js';
import { keysUnder, recordedRuns, type StoreKind } from './support/test-app.js';

type Recorded = Record<string, number | string | boolean>;
const isoDate = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/** The recorded chain of `symbol` as the read route serves it, mapped here from Yahoo's own field names. */
async function recordedChain(symbol: string, fetchedAt: string): Promise<Record<string, unknown>> {
  const body = (await loadRecording(OPTIONS_RECORDINGS[symbol])).json as {
    optionChain: { result: [{ expirationDates: number[]; quote: Recorded; options: [{ expirationDate: number; calls: Recorded[]; puts: Recorded[] }] }] };
  };
  const [result] = body.optionChain.result;
  const contract = (c: Recorded) => ({
    contract_symbol: c.contractSymbol,
    strike: c.strike,
    last_price: c.lastPrice,
    bid: c.bid,
    ask: c.ask,
    change: c.change,
    volume: c.volume ?? null,
    open_interest: c.openInterest,
    implied_volatility: c.impliedVolatility,
    in_the_money: c.inTheMoney,
    last_trade_date: new Date(Number(c.lastTradeDate) * 1000).toISOString(),
  });
  return {
    symbol,
    fetched_at: fetchedAt,
    underlying_price: result.quote.regularMarketPrice,
    expiration_dates: result.expirationDates.map(isoDate),
    expiration: isoDate(result.options[0].expirationDate),
    calls: result.options[0].calls.map(contract),
    puts: result.options[0].puts.map(contract),
    source: 'yahoo',
  };
}

describe.each<StoreKind>(['redis', 'memory'])('options_chain (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const http = ctx.http;
  const iso = (time: string) => new Date(Date.parse(time)).toISOString();

  it('fires an options job through its CronJob, stores a snapshot per fetch and expiration, and fails an unknown symbol alone', async () => {
    // The recording is from February 2025: a retention of ten years keeps it.
    const sent = { name: 'chains', dataset: 'options_chain', stock_ids: ['AAPL', 'NOPE'], expirations: 2, interval_seconds: 1, market_hours_only: false, retention_days: 3650 };
    const { job_id: id } = (await http().post('/scheduler/jobs').send(sent).expect(201)).body;
    const runs = await recordedRuns<RunRecord>(ctx.t.app.getHttpServer(), id, 2, 20_000);
    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    const [first, second] = runs.slice(-2).reverse();
    const recorded = await recordedChain('AAPL', iso(first.start_time));
    const contracts = (recorded.calls as unknown[]).length + (recorded.puts as unknown[]).length;
    for (const run of [first, second]) {
      expect(run).toMatchObject({ dataset: 'options_chain', trigger: 'schedule', status: 'partial_success', fetched_stocks: ['AAPL'], failed_stocks: ['NOPE'], items_rejected: 0 });
      expect(run.errors).toEqual([{ symbol: 'NOPE', error: expect.stringContaining('NOPE'), kind: 'SymbolNotFoundError', attempts: 1 }]);
      // The nearest expiration has the recorded contracts; the fake answers the next one with none.
      expect(run.points_written).toBe(contracts);
    }
    // Per run and symbol: the nearest expiration, then the one after it.
    const aapl = ctx.yahoo.requests.filter((r) => r.kind === 'options' && r.symbols[0] === 'AAPL').slice(0, 2);
    expect(aapl.map((r) => r.query.date)).toEqual([undefined, String(Date.parse('2025-03-07') / 1000)]);

    const latest = (await http().get('/market-data/aapl/options').expect(200)).body;
    expect(latest).toEqual({ ...recorded, fetched_at: latest.fetched_at });
    expect(Date.parse(latest.fetched_at)).toBeGreaterThanOrEqual(Date.parse(second.start_time));
    // Each run's snapshot stays addressable by its fetch time.
    expect((await http().get(`/market-data/AAPL/options?at=${encodeURIComponent(first.start_time)}`).expect(200)).body).toEqual(recorded);
    const next = (await http().get(`/market-data/AAPL/options?expiration=2025-03-07&at=${encodeURIComponent(first.start_time)}`).expect(200)).body;
    expect(next).toEqual({ ...recorded, expiration: '2025-03-07', calls: [], puts: [] });
    if (ctx.t.redis) {
      const key = `${ctx.t.keyPrefix}scheduled_stock_data:AAPL:options`;
      expect(await keysUnder(ctx.t.redis, `${ctx.t.keyPrefix}scheduled_stock_data:`)).toEqual([key]);
      expect(await ctx.t.redis.zcard(key)).toBe(2 * runs.length);
    }
  });

  it('answers 404 naming the symbol and dataset when nothing is stored, and 400 for a bad query', async () => {
    const missing = await http().get('/market-data/TSLA/options').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no options_chain snapshot stored for TSLA under prefix scheduled_stock_data' });
    const early = await http().get('/market-data/AAPL/options?expiration=2030-01-18&at=2025-01-01').expect(404);
    expect(early.body.message).toBe('no options_chain snapshot stored for AAPL expiring 2030-01-18 fetched at or before 2025-01-01 under prefix scheduled_stock_data');
    const bad: Array<[string, string]> = [
      ['/market-data/AAPL/options?expiration=2025-02-30', 'expiration must be a real calendar date'],
      ['/market-data/AAPL/options?expiration=2025-02-28T00:00:00Z', 'expiration must be a date YYYY-MM-DD'],
      ['/market-data/AAPL/options?at=now', 'at must be a date YYYY-MM-DD'],
      ['/market-data/AAPL/options?prefix=a.b', 'prefix must be 1–64 of A-Z a-z 0-9 _ -'],
      ['/market-data/AAPL/options?strike=110', 'property strike should not exist'],
      ['/market-data/.AAPL/options', 'symbol must be a Yahoo symbol'],
    ];
    for (const [path, message] of bad) {
      const response = await http().get(path);
      expect({ path, status: response.status, message: String(response.body.message) }).toEqual({ path, status: 400, message: expect.stringContaining(message) });
    }
  });
});

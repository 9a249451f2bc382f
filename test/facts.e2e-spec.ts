import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { loadRecording, SUMMARY_RECORDINGS } from './support/fake-yahoo-fixtures.js';
import { keysUnder, recordedRuns, type StoreKind } from './support/test-app.js';
import { editedRecording } from './support/yahoo-provider-context.js';

type Fields = Record<string, unknown>;
type Raw = { raw: number };
type SummaryBody = { quoteSummary: { result: [Record<string, Fields>] } };

/** One quoteSummary module of the symbol as recorded. */
async function recordedModule<T = Fields>(symbol: string, module: string): Promise<T> {
  const body = (await loadRecording(SUMMARY_RECORDINGS[symbol][module])).json as SummaryBody;
  return body.quoteSummary.result[0][module] as T;
}

/** The recorded profile of `symbol` as the read route serves it, mapped here from Yahoo's own field names. */
async function recordedProfile(symbol: string): Promise<Fields> {
  const a = await recordedModule(symbol, 'assetProfile');
  const p = await recordedModule(symbol, 'price');
  return {
    symbol,
    name: p.longName,
    sector: a.sector,
    industry: a.industry,
    country: a.country,
    website: a.website,
    employees: a.fullTimeEmployees,
    summary: a.longBusinessSummary,
    officers: (a.companyOfficers as Fields[]).map(({ name, title }) => ({ name, title })),
    currency: p.currency,
    exchange: p.exchangeName,
    changes: [],
    source: 'yahoo',
  };
}

/** The recorded earnings of `symbol` as the read route serves them, from earningsHistory and calendarEvents. */
async function recordedEarnings(symbol: string): Promise<Fields> {
  const { history } = await recordedModule<{ history: Array<Record<'quarter' | 'epsActual' | 'epsEstimate' | 'surprisePercent', Raw>> }>(symbol, 'earningsHistory');
  const calendar = await recordedModule<{ earnings: { earningsDate: number[] } }>(symbol, 'calendarEvents');
  return {
    symbol,
    next_earnings_dates: calendar.earnings.earningsDate.map((seconds) => new Date(seconds * 1000).toISOString()),
    quarters: history.map((h) => ({
      quarter_end: new Date(h.quarter.raw * 1000).toISOString().slice(0, 10),
      eps_actual: h.epsActual.raw,
      eps_estimate: h.epsEstimate.raw,
      // Yahoo sends the fraction, rounded to a float32 (0.020499999 for 2.05 %).
      surprise_percent: expect.closeTo(h.surprisePercent.raw * 100, 4),
    })),
    source: 'yahoo',
  };
}

const PROFILE_HASH = ['name', 'sector', 'industry', 'country', 'website', 'employees', 'summary', 'officers', 'currency', 'exchange', 'fetched_at', 'source'];
const EARNINGS_HASH = ['q:2024-03-31', 'q:2024-06-30', 'q:2024-09-30', 'q:2024-12-31', 'next', 'fetched_at', 'source'];

// What the first run writes, and the fields of the symbol's hash on Redis after any number of unchanged runs.
const DATASETS = [
  { dataset: 'company_info', route: 'profile', recorded: recordedProfile, points: () => 1, hash: PROFILE_HASH },
  { dataset: 'earnings_data', route: 'earnings', recorded: recordedEarnings, points: (recorded: Fields) => (recorded.quarters as unknown[]).length, hash: EARNINGS_HASH },
] as const;

describe.each<StoreKind>(['redis', 'memory'])('company_info and earnings_data (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const http = ctx.http;
  const keyOf = (symbol: string, kind: string, prefix = 'scheduled_stock_data') => `${ctx.t.keyPrefix}${prefix}:${symbol}:${kind}`;

  it.each(DATASETS)('fires the $dataset job through its CronJob, stores AAPL as recorded without duplicates, and fails an unknown symbol alone', async ({ dataset, route, recorded, points, hash }) => {
    const sent = { name: dataset, dataset, stock_ids: ['AAPL', 'NOPE'], interval_seconds: 1, market_hours_only: false };
    const { job_id: id } = (await http().post('/scheduler/jobs').send(sent).expect(201)).body;
    const runs = await recordedRuns<RunRecord>(ctx.t.app.getHttpServer(), id, 2, 20_000);
    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    const [first, second] = runs.slice(-2).reverse();
    for (const run of [first, second]) {
      expect(run).toMatchObject({ dataset, trigger: 'schedule', status: 'partial_success', fetched_stocks: ['AAPL'], failed_stocks: ['NOPE'], items_rejected: 0 });
      expect(run.errors).toEqual([{ symbol: 'NOPE', error: expect.stringContaining('NOPE'), kind: 'SymbolNotFoundError', attempts: 1 }]);
    }
    const expected = await recorded('AAPL');
    // The first run wrote the profile (or each quarter); the next fetched the same answer and wrote nothing.
    expect([first.points_written, second.points_written]).toEqual([points(expected), 0]);

    const stored = (await http().get(`/market-data/aapl/${route}`).expect(200)).body;
    expect(stored).toEqual({ ...expected, fetched_at: stored.fetched_at });
    expect(Date.parse(stored.fetched_at)).toBeGreaterThanOrEqual(Date.parse(second.start_time));
    if (ctx.t.redis) {
      expect(await keysUnder(ctx.t.redis, `${ctx.t.keyPrefix}scheduled_stock_data:`)).toEqual(expect.arrayContaining([keyOf('AAPL', route)]));
      expect(await keysUnder(ctx.t.redis, `${ctx.t.keyPrefix}scheduled_stock_data:NOPE`)).toEqual([]);
      // One field per quarter however many runs there were, and no change entries for an unchanged profile.
      expect((await ctx.t.redis.hkeys(keyOf('AAPL', route))).sort()).toEqual([...hash].sort());
    }
  });

  it('keeps a new CEO and sector as changes with the time of the run that saw them, and a reported EPS as a replaced quarter', async () => {
    const create = async (dataset: string) =>
      (await http().post('/scheduler/jobs').send({ name: `${dataset} changes`, dataset, stock_ids: ['GOOG'], prefix: 'changes', is_active: false }).expect(201)).body.job_id as string;
    const [profileJob, earningsJob] = [await create('company_info'), await create('earnings_data')];
    expect((await ctx.runAndWait(profileJob)).points_written).toBe(1);
    expect((await ctx.runAndWait(earningsJob)).points_written).toBe(4);
    const before = (await http().get('/market-data/GOOG/profile?prefix=changes').expect(200)).body;

    const ceo = { name: 'Ms. New Chief', title: before.officers[0].title };
    ctx.yahoo.override(
      'GOOG',
      {
        body: editedRecording<SummaryBody>(({ quoteSummary: { result: [r] } }) => {
          if (r.assetProfile) {
            // The recorded officer with another name: yahoo-finance2 validates the profile's modules.
            const [chief, ...others] = r.assetProfile.companyOfficers as Fields[];
            Object.assign(r.assetProfile, { sector: 'Technology', companyOfficers: [{ ...chief, name: ceo.name }, ...others] });
          }
          const history = (r.earningsHistory?.history ?? []) as Array<{ epsActual: Raw }>;
          if (history.length > 0) history[history.length - 1].epsActual = { raw: 9.99 };
        }),
      },
      'quoteSummary',
    );
    try {
      const profileRun = await ctx.runAndWait(profileJob);
      expect((await ctx.runAndWait(earningsJob)).points_written).toBe(1);
      expect(profileRun).toMatchObject({ status: 'success', points_written: 1 });
      const at = new Date(Date.parse(profileRun.start_time)).toISOString();
      const after = (await http().get('/market-data/GOOG/profile?prefix=changes').expect(200)).body;
      const officers = [ceo, ...before.officers.slice(1)];
      expect(after).toEqual({
        ...before,
        sector: 'Technology',
        officers,
        fetched_at: at,
        changes: [
          { at, field: 'sector', from: before.sector, to: 'Technology' },
          { at, field: 'officers', from: before.officers, to: officers },
        ],
      });
      const quarters = (await http().get('/market-data/GOOG/earnings?prefix=changes').expect(200)).body.quarters;
      expect(quarters).toHaveLength(4);
      expect(quarters.at(-1).eps_actual).toBe(9.99);
      // The same answer once more: nothing new.
      expect((await ctx.runAndWait(profileJob)).points_written).toBe(0);
      expect((await http().get('/market-data/GOOG/profile?prefix=changes').expect(200)).body.changes).toHaveLength(2);
    } finally {
      ctx.yahoo.reset();
    }
  });

  it('answers 404 naming the symbol and dataset when nothing is stored, and 400 for a bad symbol or prefix', async () => {
    for (const [route, dataset] of [['profile', 'company_info'], ['earnings', 'earnings_data']]) {
      const missing = await http().get(`/market-data/TSLA/${route}?prefix=elsewhere`).expect(404);
      expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: `no ${dataset} stored for TSLA under prefix elsewhere` });
      const bad: Array<[string, string]> = [
        [`/market-data/AAPL/${route}?prefix=a.b`, 'prefix must be 1–64 of A-Z a-z 0-9 _ -'],
        [`/market-data/AAPL/${route}?at=2025-01-01`, 'property at should not exist'],
        [`/market-data/.AAPL/${route}`, 'symbol must be a Yahoo symbol'],
      ];
      for (const [path, message] of bad) {
        const response = await http().get(path);
        expect({ path, status: response.status, message: String(response.body.message) }).toEqual({ path, status: 400, message: expect.stringContaining(message) });
      }
    }
  });
});

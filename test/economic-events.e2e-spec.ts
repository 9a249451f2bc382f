import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { finnhubFixture } from './support/fake-finnhub.js';
import { useFinnhubAfterYahoo } from './support/finnhub-env.js';
import { keysUnder, recordedRuns, type StoreKind } from './support/test-app.js';

type Release = { actual: number | null; country: string; estimate: number | null; event: string; impact: string; prev: number | null; time: string; unit: string };

/** Finnhub's documented answer, its releases moved to an hour from now (runs ask from a day before them to a week after). */
function documentedReleasesSoon(): { releases: Release[]; body: () => unknown } {
  const { economicCalendar } = finnhubFixture('economic-calendar.json') as { economicCalendar: Release[] };
  const soon = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
  const releases = economicCalendar.map((release) => ({ ...release, time: soon }));
  return { releases, body: () => ({ economicCalendar: releases }) };
}

describe.each<StoreKind>(['redis', 'memory'])('economic_events through Finnhub (%s store)', (store) => {
  const vendor = useFinnhubAfterYahoo();
  const ctx = useE2eApp(store, { env: vendor.env });
  const http = ctx.http;

  it('fires a calendar job through its CronJob, stores each release once, and reads it back by country', async () => {
    const { releases, body } = documentedReleasesSoon();
    vendor.finnhub.override('economic_calendar', '*', { body });
    const sent = { name: 'calendar', dataset: 'economic_events', countries: ['au'], interval_seconds: 1, retention_days: 30 };
    const created = (await http().post('/scheduler/jobs').send(sent).expect(201)).body;
    const job = (await http().get(`/scheduler/jobs/${created.job_id}`).expect(200)).body;
    expect(job).toMatchObject({ dataset: 'economic_events', stock_ids: [], countries: ['AU'] });
    const runs = await recordedRuns<RunRecord>(ctx.t.app.getHttpServer(), created.job_id, 2, 20_000);
    await http().post(`/scheduler/jobs/${created.job_id}/stop`).expect(200);
    const [first, second] = runs.slice(-2).reverse();
    expect(first).toMatchObject({ dataset: 'economic_events', trigger: 'schedule', status: 'success', fetched_stocks: ['calendar'], sources: { calendar: 'finnhub' }, points_written: releases.length });
    expect(second).toMatchObject({ status: 'success', points_written: 0 });
    expect(vendor.finnhub.requests.filter((r) => r.kind === 'economic_calendar').length).toBeGreaterThanOrEqual(2);
    expect(ctx.yahoo.requests).toEqual([]);

    const expected = releases.map((r) => ({ time: `${r.time.replace(' ', 'T')}.000Z`, country: r.country, event: r.event, impact: r.impact, actual: r.actual, estimate: r.estimate, previous: r.prev, unit: r.unit, source: 'finnhub' }));
    const stored = (await http().get('/market-data/economic-events?country=AU').expect(200)).body;
    expect(stored).toEqual([...expected].sort((a, b) => (a.event < b.event ? -1 : 1)));
    expect((await http().get('/market-data/economic-events?country=us,jp').expect(200)).body).toEqual([]);
    expect((await http().get('/market-data/economic-events?limit=1').expect(200)).body).toHaveLength(1);
    if (ctx.t.redis) {
      const prefix = `${ctx.t.keyPrefix}scheduled_stock_data:`;
      expect(await keysUnder(ctx.t.redis, prefix)).toEqual([`${prefix}economic_events`, `${prefix}economic_events:by_time`]);
      expect(await ctx.t.redis.hlen(`${prefix}economic_events`)).toBe(releases.length);
    }
  });

  it('answers 404 when nothing is stored under the prefix, and 400 naming a bad query', async () => {
    const missing = await http().get('/market-data/economic-events?prefix=elsewhere').expect(404);
    expect(missing.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no economic_events stored under prefix elsewhere' });
    const country = await http().get('/market-data/economic-events?country=USA').expect(400);
    expect(country.body.message).toEqual(['each value in country must be an ISO 3166 alpha-2 country code, e.g. US']);
    const order = await http().get('/market-data/economic-events?from=2020-06-03&to=2020-06-01').expect(400);
    expect(order.body.message).toBe('from must not be after to');
  });

  it('refuses stock_ids on a calendar job and a provider without a calendar, writing nothing', async () => {
    const before = (await http().get('/scheduler/jobs').expect(200)).body.length;
    const symbols = await http().post('/scheduler/jobs').send({ name: 'c', dataset: 'economic_events', stock_ids: ['AAPL'] }).expect(400);
    expect(symbols.body.message).toEqual(['stock_ids does not apply to economic_events jobs: they take countries']);
    const yahoo = await http().post('/scheduler/jobs').send({ name: 'c', dataset: 'economic_events', providers: ['yahoo'] }).expect(400);
    expect(yahoo.body.message).toEqual(['provider yahoo serves no economic_events (it has no fetchEconomicEvents())']);
    expect((await http().get('/scheduler/jobs').expect(200)).body).toHaveLength(before);
  });
});

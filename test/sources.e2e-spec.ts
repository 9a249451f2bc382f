import { FAKE_POLYGON_KEY, polygonFixture, startFakePolygon } from './support/fake-polygon.js';
import { useE2eApp } from './support/e2e-context.js';
import type { StoreKind } from './support/test-app.js';
import { useVendorAfterYahoo } from './support/vendor-env.js';

const WINDOW = { start_date: '2020-01-01', end_date: '2020-01-10' };

describe.each<StoreKind>(['redis', 'memory'])('where a stored bar came from (%s store)', (store) => {
  const polygon = useVendorAfterYahoo({ name: 'polygon', variable: 'POLYGON', start: startFakePolygon }, FAKE_POLYGON_KEY);
  const ctx = useE2eApp(store, { env: polygon.env });
  const bars = async (prefix: string) => (await ctx.http().get(`/market-data/AAPL?prefix=${prefix}`).expect(200)).body as Array<{ date: string; close: number; source: string }>;

  it('keeps the provider of each bar in one series: Polygon while Yahoo answers 503, Yahoo once it answers again', async () => {
    ctx.yahoo.override('AAPL', { status: 503 });
    const fallback = (await ctx.http().post('/scheduler/jobs').send({ name: 'fallback', stock_ids: ['AAPL'], prefix: 'fallback', ...WINDOW }).expect(201)).body.job_id;
    expect(await ctx.runAndWait(fallback)).toMatchObject({ status: 'success', sources: { AAPL: 'polygon' } });
    const recorded = (polygonFixture('aggregates-AAPL-1-day').results as Array<{ c: number }>).map((bar) => bar.c);
    expect((await bars('fallback')).map(({ close, source }) => [close, source])).toEqual(recorded.map((close) => [close, 'polygon']));

    // Yahoo back: the next run asks it for the tail (its recording answers later bars), into the same series.
    ctx.yahoo.reset();
    expect(await ctx.runAndWait(fallback)).toMatchObject({ status: 'success', sources: { AAPL: 'yahoo' } });
    const series = await bars('fallback');
    expect(series.slice(0, 2).map(({ close, source }) => [close, source])).toEqual(recorded.map((close) => [close, 'polygon']));
    expect(series.length).toBeGreaterThan(2);
    expect(new Set(series.slice(2).map((bar) => bar.source))).toEqual(new Set(['yahoo']));
  }, 20_000);
});

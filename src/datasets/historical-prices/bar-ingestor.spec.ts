import { MemoryBarStore } from '../../storage/memory/memory-bar-store.js';
import type { Bar, Chart, CorporateAction } from '../../market-data/bar.js';
import { SharedRequests } from '../single-flight.js';
import { BarIngestor } from './bar-ingestor.js';
import type { BarRequest, MarketDataProvider } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';

const DAY = 86_400_000;
const t0 = Date.parse('2026-01-05T14:30:00Z');
const bar = (i: number, close = 100 + i): Bar => ({ time: t0 + i * DAY, open: close, high: close + 1, low: close - 1, close, adj_close: close, volume: 1000 });

/** Serves bars and actions from fixed lists, filtered by the requested window, and remembers each request. */
class ListProvider implements MarketDataProvider {
  readonly requests: BarRequest[] = [];
  constructor(
    public bars: Bar[],
    public actions: CorporateAction[] = [],
  ) {}
  async fetchChart(request: BarRequest): Promise<Chart> {
    this.requests.push(request);
    const inWindow = <T extends { time: number }>(items: T[]) => items.filter((b) => b.time >= request.from.getTime() && b.time < request.to.getTime());
    return { bars: inWindow(this.bars), actions: inWindow(this.actions) };
  }
}

describe('BarIngestor', () => {
  const series = { prefix: 'p', symbol: 'AAPL', interval: '1d' };
  const window = { prefix: 'p', symbol: 'AAPL', interval: '1d', from: new Date(t0 - DAY), to: new Date(t0 + 10 * DAY), snapshot: null };

  it('fills the window first, then asks only from the last stored bar, refreshing it', async () => {
    const provider = new ListProvider([0, 1, 2].map((i) => bar(i)));
    const store = new MemoryBarStore();
    const ingestor = new BarIngestor(provider, store, new SharedRequests());

    expect(await ingestor.ingest(window)).toEqual({ written: 3, rejected: 0, incremental: false });
    expect(provider.requests[0].from).toEqual(window.from);

    provider.bars = [bar(0), bar(1), bar(2, 555), bar(3)]; // day 2 was still forming
    expect(await ingestor.ingest(window)).toEqual({ written: 2, rejected: 0, incremental: true });
    expect(provider.requests[1].from).toEqual(new Date(bar(2).time));
    expect((await store.range(series)).map((b) => b.close)).toEqual([100, 101, 555, 103]);
  });

  it('asks for the head before the window it filled and the tail from the newest bar when the window grows, never for the rest', async () => {
    const provider = new ListProvider(Array.from({ length: 30 }, (_, i) => bar(i)));
    const store = new MemoryBarStore();
    const ingestor = new BarIngestor(provider, store, new SharedRequests());
    const at = (day: number) => new Date(t0 + day * DAY - 3600_000);
    await ingestor.ingest({ ...window, from: at(20), to: at(25) });

    expect(await ingestor.ingest({ ...window, from: at(3), to: at(28) })).toEqual({ written: 21, rejected: 0, incremental: true });
    expect(provider.requests.slice(1).map((r) => [r.from, r.to])).toEqual([
      [at(3), at(20)],
      [new Date(bar(24).time), at(28)],
    ]);
    expect((await store.range(series)).map((b) => b.close)).toEqual(Array.from({ length: 25 }, (_, i) => 103 + i));
  });

  it('remembers a head the provider had no bars for, without failing the symbol or asking for it again', async () => {
    const provider = new ListProvider(Array.from({ length: 5 }, (_, i) => bar(i + 15))); // listed on day 15
    const store = new MemoryBarStore();
    const ingestor = new BarIngestor(provider, store, new SharedRequests());
    const wide = { ...window, to: new Date(bar(20).time) };
    await ingestor.ingest({ ...window, from: new Date(bar(15).time), to: new Date(bar(18).time) });

    expect(await ingestor.ingest(wide)).toEqual({ written: 3, rejected: 0, incremental: true });
    expect(provider.requests[1]).toMatchObject({ from: wide.from, to: new Date(bar(15).time) });
    await ingestor.ingest(wide);
    expect(provider.requests.slice(3).map((r) => [r.from, r.to])).toEqual([[new Date(bar(19).time), wide.to]]);
  });

  it('never takes the gap between two windows that were fetched at once for complete', async () => {
    const provider = new ListProvider(Array.from({ length: 10 }, (_, i) => bar(i)));
    const store = new MemoryBarStore();
    const ingestor = new BarIngestor(provider, store, new SharedRequests());
    const days = (first: number, end: number) => ({ ...window, from: new Date(bar(first).time), to: new Date(bar(end).time) });
    // Both runs find the series empty; the earlier window's answer arrives last.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetchChart = provider.fetchChart.bind(provider);
    provider.fetchChart = async (request) => {
      const chart = await fetchChart(request);
      if (request.from.getTime() === bar(0).time) await held;
      return chart;
    };
    const early = ingestor.ingest(days(0, 3));
    await ingestor.ingest(days(6, 9));
    release();
    await early;

    await ingestor.ingest(days(0, 10));
    // Days 3–5 were never asked for: they are the head before the complete span, days 6–8.
    expect(provider.requests.slice(2).map((r) => [r.from, r.to])).toEqual([
      [new Date(bar(0).time), new Date(bar(6).time)],
      [new Date(bar(8).time), new Date(bar(10).time)],
    ]);
    expect((await store.range(series)).map((b) => b.close)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
  });

  it('fetches the whole window again when the stored bars lie outside it', async () => {
    const provider = new ListProvider([bar(8)]);
    const store = new MemoryBarStore();
    await store.upsert(series, [bar(20)]);
    const result = await new BarIngestor(provider, store, new SharedRequests()).ingest(window);
    expect(result).toMatchObject({ written: 1, incremental: false });
    expect(provider.requests[0].from).toEqual(window.from);
  });

  it('reports an empty first answer as NoDataError, but not an empty incremental one', async () => {
    const store = new MemoryBarStore();
    await expect(new BarIngestor(new ListProvider([]), store, new SharedRequests()).ingest(window)).rejects.toBeInstanceOf(NoDataError);
    await store.upsert(series, [bar(1)]);
    await expect(new BarIngestor(new ListProvider([]), store, new SharedRequests()).ingest(window)).resolves.toEqual({ written: 0, rejected: 0, incremental: true });
  });

  it('names an answer whose bars all failed validation, and tells how many were dropped', async () => {
    const broken = [0, 1, 2].map((i) => ({ ...bar(i), volume: Number.NaN }));
    const failure = new BarIngestor(new ListProvider(broken), new MemoryBarStore(), new SharedRequests()).ingest(window);
    await expect(failure).rejects.toThrow(new NoDataError('all 3 bars failed validation for AAPL'));
    await expect(failure).rejects.toMatchObject({ rejected: 3 });
  });

  it('writes the snapshot of the whole window even when the fetch was incremental', async () => {
    const provider = new ListProvider([0, 1, 2].map((i) => bar(i)));
    const store = new MemoryBarStore();
    const ingestor = new BarIngestor(provider, store, new SharedRequests());
    const snapshot = { start_date: '2026-01-04', end_date: '2026-01-14', ttlSeconds: 60 };
    await ingestor.ingest(window);
    await ingestor.ingest({ ...window, snapshot });
    const records = await store.readSnapshot({ prefix: 'p', symbol: 'AAPL', start_date: '2026-01-04', end_date: '2026-01-14' });
    expect(records?.map((r) => r.Date)).toEqual(['2026-01-05', '2026-01-06', '2026-01-07']);
    expect(records?.[0]).toEqual({ Date: '2026-01-05', Open: 100, High: 101, Low: 99, Close: 100, 'Adj Close': 100, Volume: 1000 });
  });

  it('stores the splits and dividends the answer carries, once each however often they come', async () => {
    const split = { time: bar(1).time, kind: 'split' as const, numerator: 2, denominator: 1 };
    const provider = new ListProvider([0, 1, 2].map((i) => bar(i)), [split]);
    const store = new MemoryBarStore();
    const ingestor = new BarIngestor(provider, store, new SharedRequests());
    await ingestor.ingest(window);
    await ingestor.ingest({ ...window, from: new Date(bar(1).time) });
    expect(await store.actions(series)).toEqual([split]);
  });
});

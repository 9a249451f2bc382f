import type { RunRecord } from '../src/scheduler/job.js';
import { useE2eApp } from './support/e2e-context.js';
import { syntheticChart, weekdayOpens } from './support/synthetic-chart.js';

const DAY_MS = 86_400_000;
const SYMBOL = 'SYNTH';

interface BarBody {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  source: string;
}

/** The synthetic provider's bars of `[from, to)` (epoch ms), shaped as the API serves them. */
function providerBars(from: number, to: number): BarBody[] {
  const answer = syntheticChart({ symbol: SYMBOL, query: { period1: String(from / 1000), period2: String(to / 1000) } });
  const [{ timestamp = [], indicators }] = answer.chart.result;
  const [quote] = indicators.quote as Array<Record<'open' | 'high' | 'low' | 'close' | 'volume', number[]>>;
  return timestamp.map((t, i) => ({
    date: new Date(t * 1000).toISOString(),
    open: quote.open[i],
    high: quote.high[i],
    low: quote.low[i],
    close: quote.close[i],
    volume: quote.volume[i],
    source: 'yahoo',
  }));
}

/** Every series of one symbol, fed by jobs with windows of different lengths: each run fills its whole window, asking only for what is missing. */
describe('history backfill (redis store)', () => {
  const ctx = useE2eApp('redis');
  const { http } = ctx;

  beforeAll(() => ctx.yahoo.override(SYMBOL, { body: syntheticChart }));

  const storedBars = async (from?: number, to?: number): Promise<BarBody[]> => {
    const range = from === undefined ? '' : `?from=${new Date(from).toISOString()}&to=${new Date(to!).toISOString()}`;
    const bars: Array<BarBody & { adj_close: unknown }> = (await http().get(`/market-data/${SYMBOL}${range}`).expect(200)).body;
    return bars.map(({ adj_close: _, ...bar }) => bar);
  };

  /**
   * Runs job `id` and checks that it asked the provider for exactly the window's bars that were not stored yet, plus the
   * newest stored one (refreshed, as it may still be forming), and that the series then holds the provider's whole window.
   */
  const runFillsWindow = async (id: string, runs: number, windowStart: (run: RunRecord) => number) => {
    const before = await storedBars();
    const firstRequest = ctx.yahoo.requests.length;
    const run = await ctx.runAndWait(id);
    const [from, to] = [windowStart(run), Date.parse(run.start_time)];
    const window = providerBars(from, to);
    const known = new Set(before.map((bar) => bar.date));
    const expected = window.map((bar) => bar.date).filter((date) => !known.has(date) || date === before.at(-1)?.date);

    const requests = ctx.yahoo.requests.slice(firstRequest).filter((r) => r.symbol === SYMBOL);
    const requested = requests.flatMap((r) => weekdayOpens(Number(r.query.period1), Number(r.query.period2)));
    expect(requested.map((t) => new Date(t * 1000).toISOString()).sort()).toEqual(expected);
    expect(run).toMatchObject({ status: 'success', points_written: expected.length, bars_rejected: 0 });
    expect(await storedBars(from, to)).toEqual(window);
    return requests;
  };
  const lookback = (days: number) => (run: RunRecord) => Date.parse(run.start_time) - days * DAY_MS;

  it('fills the head of a longer window (lookback 5 then 60, a start_date, PUT lookback 365), then asks only for the tail', async () => {
    const create = async (body: object) =>
      (await http().post('/scheduler/jobs').send({ name: 'backfill', stock_ids: [SYMBOL], ...body }).expect(201)).body.job_id as string;
    const short = await create({ lookback_days: 5 });
    const long = await create({ lookback_days: 60 });
    const sinceNewYear = await create({ start_date: '2026-01-01' });

    expect(await runFillsWindow(short, 1, lookback(5))).toHaveLength(1);
    expect(await runFillsWindow(long, 1, lookback(60))).toHaveLength(2);
    expect(await runFillsWindow(sinceNewYear, 1, () => Date.parse('2026-01-01'))).toHaveLength(2);

    await http().put(`/scheduler/jobs/${long}`).send({ lookback_days: 365 }).expect(200);
    expect(await runFillsWindow(long, 2, lookback(365))).toHaveLength(2);

    // The head is remembered as fetched: later runs ask only from the newest bar on, whichever job runs.
    expect(await runFillsWindow(long, 3, lookback(365))).toHaveLength(1);
    expect(await runFillsWindow(sinceNewYear, 2, () => Date.parse('2026-01-01'))).toHaveLength(1);
    expect(await runFillsWindow(short, 2, lookback(5))).toHaveLength(1);
  }, 60_000);
});

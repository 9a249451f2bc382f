import { Redis } from 'ioredis';
import pLimit from 'p-limit';
import { randomUUID } from 'node:crypto';
import type { Bar } from '../src/market-data/bar.js';
import { MARKET_DATA_PROVIDER, type MarketDataProvider } from '../src/market-data/market-data-provider.js';
import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import { JobManager } from '../src/scheduler/job-manager.js';
import { HistoricalPricesHandler } from '../src/datasets/historical-prices/historical-prices.handler.js';
import { BAR_STORE, type BarStore } from '../src/storage/bar-store.js';
import { StoreConnection } from '../src/storage/store.providers.js';
import type { RecordedRequest } from '../test/support/fake-yahoo.js';
import { syntheticChart } from '../test/support/synthetic-chart.js';
import { memoryOf, printTable, ratio, startBenchEnv, type BenchOptions } from './harness.js';

// Question 4 of issue 5: a year of daily runs (30-day window) against a period-aware fake Yahoo, our
// canonical series with incremental fetching versus the seed's window keys with whole-window fetching.
const RUNS = 252;
const LOOKBACK_DAYS = 30;
const DAY_MS = 86_400_000;
/** Each run's "now": 21:30 UTC, after the New York close, on every weekday from this one on. */
const FIRST_RUN = Date.UTC(2025, 0, 2, 21, 30);
const CONCURRENCY = 8;
const OURS = 'scheduled_stock_data';
const SEED = 'seed_window_layout';

const symbols = (n: number) => Array.from({ length: n }, (_, i) => `S${String(i).padStart(3, '0')}`);

function runTimes(): Date[] {
  const times: Date[] = [];
  for (let t = FIRST_RUN; times.length < RUNS; t += DAY_MS) if (![0, 6].includes(new Date(t).getUTCDay())) times.push(new Date(t));
  return times;
}

/** Python's `json.dumps` of the seed's records: `", "` and `": "` separators, floats with a fraction. */
function seedJson(bars: Bar[]): string {
  const float = (x: number | null) => (x === null ? 'null' : Number.isInteger(x) ? `${x}.0` : String(x));
  const record = (b: Bar) =>
    `{"Date": "${new Date(b.time).toISOString().slice(0, 10)}", "Open": ${float(b.open)}, "High": ${float(b.high)}, "Low": ${float(b.low)}, ` +
    `"Close": ${float(b.close)}, "Adj Close": ${float(b.adj_close)}, "Volume": ${b.volume}}`;
  return `[${bars.map(record).join(', ')}]`;
}

/** Counts the commands `client` sends (its round trips to Redis) until `stop()`. */
function countCommands(client: Redis): { count: () => number; stop: () => void } {
  let sent = 0;
  const original = client.sendCommand;
  client.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
    sent++;
    return original.apply(this, args);
  };
  return { count: () => sent, stop: () => (client.sendCommand = original) };
}

export default async function storagePerYear({ quick }: BenchOptions): Promise<void> {
  const SYMBOLS = symbols(quick ? 10 : 100);
  const keyPrefix = `bench:${randomUUID()}:`;
  let barsServed = 0;
  const env = await startBenchEnv();
  env.yahoo.override('*', {
    body: (request: RecordedRequest) => {
      const chart = syntheticChart(request);
      barsServed += chart.chart.result[0].timestamp?.length ?? 0;
      return chart;
    },
  });
  const raw = new Redis(env.redis.url);
  try {
    const context = await env.scheduler({ keyPrefix, fetchConcurrency: CONCURRENCY, yahoo: { maxRps: 100_000 } });
    const ourClient = context.get(StoreConnection).client!;
    const job = await context
      .get(JobManager)
      .create({ name: 'storage bench', stock_ids: SYMBOLS, lookback_days: LOOKBACK_DAYS, prefix: OURS, is_active: false } as CreateJobDto, 'bench');
    const handler = context.get(HistoricalPricesHandler);
    const provider = context.get<MarketDataProvider>(MARKET_DATA_PROVIDER);

    /** Our run at `now`: the executor's per-symbol step (incremental ingest into the series). */
    const ours = async (symbol: string, now: Date) => {
      const run = { job, runId: `run-${now.getTime()}`, startedAt: now.getTime(), asOf: now.getTime(), logContext: () => ({}) };
      const [outcome] = await handler.fetch(run, [symbol]);
      if ('error' in outcome) throw new Error(`${symbol} at ${now.toISOString()}: ${outcome.error.error}`);
    };
    /** The seed's run at `now`: yfinance for [today - 30 days, today) (its end is exclusive), stored as a new window key. */
    const seed = async (symbol: string, now: Date) => {
      const end = now.toISOString().slice(0, 10);
      const start = new Date(Date.parse(end) - LOOKBACK_DAYS * DAY_MS).toISOString().slice(0, 10);
      const { bars } = await provider.fetchChart!({ symbol, interval: '1d', from: new Date(start), to: new Date(end) });
      await raw.set(`${keyPrefix}${SEED}:${symbol}:${start}:${end}`, seedJson(bars));
    };

    /** One harness for both layouts: a year of runs, then what Yahoo served and what Redis holds. */
    const simulate = async (layout: string, prefix: string, run: (symbol: string, now: Date) => Promise<void>, client: Redis) => {
      const before = { served: barsServed, requests: env.yahoo.requests.length };
      const commands = countCommands(client);
      const started = Date.now();
      const slots = pLimit(CONCURRENCY);
      for (const now of runTimes()) await Promise.all(SYMBOLS.map((symbol) => slots(() => run(symbol, now))));
      const wallMs = Date.now() - started;
      commands.stop();
      const memory = await memoryOf(raw, `${keyPrefix}${prefix}:*`);
      return {
        layout,
        ...memory,
        requests: env.yahoo.requests.length - before.requests,
        barsRequested: barsServed - before.served,
        redisCommands: commands.count(),
        wallMs,
      };
    };

    const mine = await simulate('ours: one series per symbol, incremental', OURS, ours, ourClient);
    const theirs = await simulate('seed: window key per run, whole window', SEED, seed, raw);
    const store = context.get<BarStore>(BAR_STORE);
    let distinctBars = 0;
    for (const symbol of SYMBOLS) distinctBars += (await store.range({ prefix: OURS, symbol, interval: '1d' })).length;

    const symbolRuns = RUNS * SYMBOLS.length;
    const row = (r: typeof mine) => ({
      layout: r.layout,
      keys: r.keys,
      'memory (bytes)': r.bytes,
      'bytes / distinct bar': (r.bytes / distinctBars).toFixed(1),
      'Yahoo requests': r.requests,
      'bars requested': r.barsRequested,
      'bars / request': (r.barsRequested / r.requests).toFixed(2),
      'Redis cmds / symbol-run': (r.redisCommands / symbolRuns).toFixed(2),
      'wall (s)': (r.wallMs / 1000).toFixed(1),
    });
    printTable(`Storage and network per year: ${RUNS} daily runs, ${LOOKBACK_DAYS}-day window, ${SYMBOLS.length} symbols, ${distinctBars} distinct bars`, [
      row(mine),
      row(theirs),
      {
        layout: 'seed ÷ ours',
        keys: ratio(theirs.keys, mine.keys, 0),
        'memory (bytes)': ratio(theirs.bytes, mine.bytes, 1),
        'bytes / distinct bar': '',
        'Yahoo requests': ratio(theirs.requests, mine.requests),
        'bars requested': ratio(theirs.barsRequested, mine.barsRequested, 1),
        'bars / request': '',
        'Redis cmds / symbol-run': '',
        'wall (s)': ratio(theirs.wallMs, mine.wallMs, 1),
      },
    ]);
    const goal = (met: boolean) => (met ? 'met' : 'MISSED');
    console.log(
      `\ngoals: memory ≥ 20× less: ${ratio(theirs.bytes, mine.bytes, 1)} ${goal(theirs.bytes >= 20 * mine.bytes)}; ` +
        `bars requested ≥ 10× fewer: ${ratio(theirs.barsRequested, mine.barsRequested, 1)} ${goal(theirs.barsRequested >= 10 * mine.barsRequested)}; ` +
        `≤ 150 bytes per stored bar: ${(mine.bytes / distinctBars).toFixed(1)} ${goal(mine.bytes <= 150 * distinctBars)}`,
    );
    // Where our bytes go, on one series: the member text (the bars) versus Redis' own structures.
    const seriesKey = `${keyPrefix}${OURS}:${SYMBOLS[0]}:1d`;
    const members = await raw.zrangebyscore(seriesKey, '-inf', '+inf');
    const text = Buffer.byteLength(members.join(''));
    const usage = Number(await raw.call('MEMORY', 'USAGE', seriesKey, 'SAMPLES', '0'));
    const perSymbol = distinctBars / SYMBOLS.length;
    console.log(
      `${seriesKey.slice(keyPrefix.length)}: ${await raw.object('ENCODING', seriesKey)} of ${members.length} members for ${perSymbol} bars; ` +
        `per bar ${(text / perSymbol).toFixed(1)} bytes of member text + ${((usage - text) / perSymbol).toFixed(1)} of Redis overhead`,
    );
  } finally {
    await raw.quit();
    await env.close();
  }
}

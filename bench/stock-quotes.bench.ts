import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { QUOTE_STORE, type QuoteStore } from '../src/datasets/stock-quotes/quote-store.js';
import { StoreConnection } from '../src/storage/store.providers.js';
import { syntheticQuotes } from '../test/support/synthetic-quotes.js';
import { createJobs, fireTogether, memoryOf, printTable, ratio, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Issue 12: one quote request answers 50 symbols, so a 500-symbol job makes 10 requests a run.
const MAX_RPS = 2;
const LATENCY_MS = 20;
const symbolsOf = (count: number) => Array.from({ length: count }, (_, i) => `Q${String(i).padStart(3, '0')}`);
const quoteJob = (stock_ids: string[]) => ({ name: 'quotes', dataset: 'stock_quotes', stock_ids, market_hours_only: false }) as const;

/** Serves a quote of every symbol asked for, its time (epoch s) and its price, volume, bid and ask moving on with `clock`. */
async function serveQuotes(env: BenchEnv, clock: { now: number }) {
  env.yahoo.reset();
  env.yahoo.override('*', { body: await syntheticQuotes({ time: () => clock.now, trading: true }) }, 'quote');
}

const quoteRequests = (env: BenchEnv) => env.yahoo.requests.filter((r) => r.kind === 'quote').length;

/** The symbols fetched at `YAHOO_MAX_RPS` 2 by one job (one request per 50) or by a job per symbol (one request each). */
async function fetchAtRateLimit(env: BenchEnv, symbols: string[], batched: boolean) {
  await serveQuotes(env, { now: Math.floor(Date.now() / 1000) });
  const context = await env.scheduler({ yahoo: { maxRps: MAX_RPS } });
  const ids = await createJobs(context, batched ? [quoteJob(symbols)] : symbols.map((symbol) => quoteJob([symbol])));
  const wallMs = await fireTogether(context, ids, new Date(Math.floor(Date.now() / 1000) * 1000));
  await env.closeScheduler(context);
  return { requests: quoteRequests(env), wallMs };
}

/** Bytes Redis holds per stored quote after `runs` runs a minute apart, and the quotes stored. */
async function bytesPerQuote(env: BenchEnv, symbols: string[], runs: number) {
  const clock = { now: Math.floor(Date.now() / 1000) - runs * 60 };
  await serveQuotes(env, clock);
  const context: INestApplicationContext = await env.scheduler({ yahoo: { maxRps: 10_000 } });
  const [id] = await createJobs(context, [quoteJob(symbols)]);
  const base = Math.floor(Date.now() / 60_000) * 60_000;
  for (let run = 0; run < runs; run++) {
    await fireTogether(context, [id], new Date(base + run * 60_000));
    // The last run sees the same quote time again: a re-fetch must not store it twice.
    if (run < runs - 2) clock.now += 60;
  }
  const store = context.get<QuoteStore>(QUOTE_STORE);
  const counts = await Promise.all(symbols.map(async (symbol) => (await store.range({ prefix: 'scheduled_stock_data', symbol })).length));
  const stored = counts.reduce((sum, count) => sum + count, 0);
  const prefix = context.get(StoreConnection).client?.options.keyPrefix;
  const raw = new Redis(env.redis.url);
  const memory = await memoryOf(raw, `${prefix}scheduled_stock_data:*:quotes`);
  raw.disconnect();
  await env.closeScheduler(context);
  return { stored, expected: symbols.length * (runs - 1), ...memory };
}

export default async function stockQuotes(options: BenchOptions): Promise<void> {
  const env = await startBenchEnv({ latencyMs: LATENCY_MS });
  try {
    const symbols = symbolsOf(options.quick ? 100 : 500);
    const batched = await fetchAtRateLimit(env, symbols, true);
    const single = await fetchAtRateLimit(env, symbols, false);
    const goalMs = Math.round(1.1 * (Math.ceil(symbols.length / 50) / MAX_RPS) * 1000);
    printTable(`A ${symbols.length}-symbol stock_quotes job at YAHOO_MAX_RPS ${MAX_RPS} (fake Yahoo ${LATENCY_MS} ms)`, [
      { case: 'one job, 50 symbols a request', 'quote requests': batched.requests, 'goal ≤': Math.ceil(symbols.length / 50), 'wall (ms)': batched.wallMs, 'wall goal ≤ (ms)': goalMs },
      { case: 'one symbol a request', 'quote requests': single.requests, 'goal ≤': '–', 'wall (ms)': single.wallMs, 'wall goal ≤ (ms)': '–' },
      { case: 'ratio', 'quote requests': ratio(single.requests, batched.requests, 1), 'goal ≤': '', 'wall (ms)': ratio(single.wallMs, batched.wallMs, 1), 'wall goal ≤ (ms)': '' },
    ]);
    const runs = options.quick ? 30 : 120;
    const size = await bytesPerQuote(env, symbolsOf(50), runs);
    printTable(`Redis bytes per stored quote: a 50-symbol job run ${runs} times a minute apart (the last a re-fetch of the same quotes)`, [
      { 'quotes stored': size.stored, 'distinct quote times served': size.expected, keys: size.keys, 'memory (bytes)': size.bytes, 'bytes per quote': (size.bytes / size.stored).toFixed(1), 'goal ≤': 100 },
    ]);
  } finally {
    await env.close();
  }
}

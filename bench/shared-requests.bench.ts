import { createJobs, fireTogether, printTable, ratio, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Issue 12: jobs over the same symbols firing in the same instant share the provider requests.
const JOBS = 100;
const SYMBOLS = Array.from({ length: 50 }, (_, i) => `S${String(i).padStart(3, '0')}`);
const LATENCY_MS = 20;

/**
 * Every job at one occurrence. With `distinctWindows` each job gets its own lookback, so no two runs
 * need the same request: the same work without sharing.
 */
async function fireJobs(env: BenchEnv, distinctWindows: boolean) {
  env.yahoo.reset();
  env.yahoo.override('*', { fixture: 'chart-AAPL-2020-01-01-to-2020-01-03.json' });
  const context = await env.scheduler({ yahoo: { maxRps: 10_000 } });
  const ids = await createJobs(context, Array.from({ length: JOBS }, (_, i) => ({ name: `job ${i}`, stock_ids: SYMBOLS, lookback_days: distinctWindows ? 30 + i : 30 })));
  const wallMs = await fireTogether(context, ids, new Date(Math.floor(Date.now() / 1000) * 1000));
  await env.closeScheduler(context);
  return { requests: env.yahoo.requests.filter((r) => r.symbol !== null).length, wallMs };
}

export default async function sharedRequests(_options: BenchOptions): Promise<void> {
  const env = await startBenchEnv({ latencyMs: LATENCY_MS });
  try {
    const shared = await fireJobs(env, false);
    const unshared = await fireJobs(env, true);
    printTable(`${JOBS} jobs over the same ${SYMBOLS.length} symbols firing together (fake Yahoo ${LATENCY_MS} ms)`, [
      { case: 'same window (shared)', 'chart requests': shared.requests, 'goal ≤': Math.floor(1.05 * SYMBOLS.length), 'wall (ms)': shared.wallMs },
      { case: 'a window per job (nothing to share)', 'chart requests': unshared.requests, 'goal ≤': '–', 'wall (ms)': unshared.wallMs },
      { case: 'ratio', 'chart requests': ratio(unshared.requests, shared.requests), 'goal ≤': '', 'wall (ms)': ratio(unshared.wallMs, shared.wallMs) },
    ]);
  } finally {
    await env.close();
  }
}

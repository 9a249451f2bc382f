import { JobManager } from '../src/scheduler/job-manager.js';
import { JobRegistry } from '../src/scheduler/job-registry.js';
import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import type { RunRecord } from '../src/scheduler/job.js';
import { peakPerWindow } from '../test/support/peak-per-window.js';
import { printTable, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Question 3 of issue 5: one job with many symbols against a slow Yahoo, within the rate limit.
const LATENCY_MS = 100;
const CONCURRENCY = 8;
const MAX_RPS = 50;
/** The seed's sequential loop is measured on this many symbols and scaled: 500 × 100 ms is over 50 s. */
const BASELINE_SYMBOLS = 40;

const symbols = (n: number) => Array.from({ length: n }, (_, i) => `S${String(i).padStart(4, '0')}`);

async function timedRun(env: BenchEnv, count: number, fetchConcurrency: number, maxRps: number): Promise<RunRecord> {
  const context = await env.scheduler({ fetchConcurrency, maxConcurrentRuns: 1, yahoo: { maxRps } });
  const jobs = context.get(JobManager);
  const job = await jobs.create({ name: 'bench', stock_ids: symbols(count), is_active: false } as CreateJobDto, 'bench');
  await jobs.runNow(job.job_id);
  for (;;) {
    const [record] = await context.get(JobRegistry).runs(job.job_id, 1);
    if (record) return record;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export default async function fetchThroughput({ quick }: BenchOptions): Promise<void> {
  const SYMBOLS = quick ? 250 : 500;
  const env = await startBenchEnv({ latencyMs: LATENCY_MS });
  // One small recorded answer for every symbol: the point is the request pattern, not the payload.
  env.yahoo.override('*', { fixture: 'chart-AAPL-2020-01-01-to-2020-01-03.json' });
  try {
    const ours = await timedRun(env, SYMBOLS, CONCURRENCY, MAX_RPS);
    const peak = peakPerWindow(env.yahoo.requests.map((r) => r.time), 1000);
    env.yahoo.reset();
    env.yahoo.override('*', { fixture: 'chart-AAPL-2020-01-01-to-2020-01-03.json' });
    const sequential = await timedRun(env, BASELINE_SYMBOLS, 1, 1000);
    const baselineMs = (sequential.duration_ms / BASELINE_SYMBOLS) * SYMBOLS;
    const boundMs = Math.max((SYMBOLS / MAX_RPS) * 1000, (SYMBOLS * LATENCY_MS) / CONCURRENCY);
    printTable(`Fetch throughput: ${SYMBOLS} symbols, ${LATENCY_MS} ms latency, FETCH_CONCURRENCY ${CONCURRENCY}, YAHOO_MAX_RPS ${MAX_RPS}`, [
      { what: 'bound max(N/RPS, N×latency/concurrency)', 'wall (s)': (boundMs / 1000).toFixed(2), 'vs bound': '1.00', 'peak req in any 1 s': MAX_RPS },
      {
        what: 'this scheduler',
        'wall (s)': (ours.duration_ms / 1000).toFixed(2),
        'vs bound': (ours.duration_ms / boundMs).toFixed(3),
        'peak req in any 1 s': peak,
      },
      {
        what: `seed's sequential loop (measured on ${BASELINE_SYMBOLS}, scaled to ${SYMBOLS})`,
        'wall (s)': (baselineMs / 1000).toFixed(2),
        'vs bound': (baselineMs / boundMs).toFixed(2),
        'peak req in any 1 s': '-',
      },
    ]);
    console.log(`\nstatus ${ours.status}, ${ours.fetched_stocks.length} fetched, ${ours.failed_stocks.length} failed; speed-up over the sequential loop ${(baselineMs / ours.duration_ms).toFixed(1)}×`);
  } finally {
    await env.close();
  }
}

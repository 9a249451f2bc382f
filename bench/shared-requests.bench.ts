import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import { JobManager } from '../src/scheduler/job-manager.js';
import { JobRegistry } from '../src/scheduler/job-registry.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { printTable, ratio, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Issue 12: jobs over the same symbols firing in the same instant share the provider requests.
const JOBS = 100;
const SYMBOLS = Array.from({ length: 50 }, (_, i) => `S${String(i).padStart(3, '0')}`);
const LATENCY_MS = 20;

/**
 * Dispatches every job at one occurrence, as their CronJobs would, and waits for all runs. With
 * `distinctWindows` each job gets its own lookback, so no two runs need the same request: the
 * same work without sharing.
 */
async function fireTogether(env: BenchEnv, distinctWindows: boolean) {
  env.yahoo.reset();
  env.yahoo.override('*', { fixture: 'chart-AAPL-2020-01-01-to-2020-01-03.json' });
  const context = await env.scheduler({ yahoo: { maxRps: 10_000 } });
  const manager = context.get(JobManager);
  const ids: string[] = [];
  for (let i = 0; i < JOBS; i++) {
    const dto = { name: `job ${i}`, stock_ids: SYMBOLS, is_active: false, lookback_days: distinctWindows ? 30 + i : 30 };
    ids.push((await manager.create(dto as CreateJobDto, 'bench')).job_id);
  }
  const registry = context.get(JobRegistry);
  const jobs = (await registry.getMany(ids)).filter((job) => job !== null);
  const occurrence = new Date(Math.floor(Date.now() / 1000) * 1000);
  const started = Date.now();
  await Promise.all(jobs.map((job) => context.get(JobScheduler).dispatch(job, 'schedule', occurrence)));
  for (;;) {
    const done = await Promise.all(ids.map(async (id) => (await registry.runs(id, 1))[0]?.status));
    if (done.every((status) => status !== undefined && status !== 'running')) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const wallMs = Date.now() - started;
  await env.closeScheduler(context);
  return { requests: env.yahoo.requests.filter((r) => r.symbol !== null).length, wallMs };
}

export default async function sharedRequests(_options: BenchOptions): Promise<void> {
  const env = await startBenchEnv({ latencyMs: LATENCY_MS });
  try {
    const shared = await fireTogether(env, false);
    const unshared = await fireTogether(env, true);
    printTable(`${JOBS} jobs over the same ${SYMBOLS.length} symbols firing together (fake Yahoo ${LATENCY_MS} ms)`, [
      { case: 'same window (shared)', 'chart requests': shared.requests, 'goal ≤': Math.floor(1.05 * SYMBOLS.length), 'wall (ms)': shared.wallMs },
      { case: 'a window per job (nothing to share)', 'chart requests': unshared.requests, 'goal ≤': '–', 'wall (ms)': unshared.wallMs },
      { case: 'ratio', 'chart requests': ratio(unshared.requests, shared.requests), 'goal ≤': '', 'wall (ms)': ratio(unshared.wallMs, shared.wallMs) },
    ]);
  } finally {
    await env.close();
  }
}

import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import { JobExecutor } from '../src/scheduler/job-executor.js';
import { JobManager } from '../src/scheduler/job-manager.js';
import { cpuMeter, FireRecorder } from './fire-recorder.js';
import { percentile, printTable, ratio, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';
import { simulateSeedLoop } from './seed-loop.js';
import { SeedRegistry } from './seed-registry.js';

// Question 1 of issue 5: N jobs firing every second, the occurrence claim in Redis included, runs doing nothing.
const WARMUP_MS = 2000;
/** Fires of the last second of the window may still be arriving this long after it. */
const SETTLE_MS = 3000;
/** Runs (ours) and jobs (BullMQ's worker) in progress at once. */
const RUN_CONCURRENCY = 500;

type Row = Record<string, string | number>;

async function inBatches<T>(count: number, batch: number, create: (i: number) => Promise<T>): Promise<void> {
  for (let i = 0; i < count; i += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, k) => create(i + k)));
  }
}

/** Waits for the window to pass with the CPU meter running over it, then summarises one system's row. */
async function measureWindow(env: BenchEnv, system: string, count: number, recorder: FireRecorder): Promise<Row> {
  await sleep(recorder.from - Date.now());
  const stopMeter = await cpuMeter(env.redis.url);
  await sleep(recorder.to - Date.now());
  const cpu = await stopMeter();
  await sleep(SETTLE_MS);
  const s = recorder.summary(count);
  return {
    system,
    jobs: count,
    'fires due': s.due,
    'fires run': s.fires,
    'missed job-seconds': s.missed,
    'jobs that missed a second': s.jobsMissing,
    'p50 (ms)': s.p50.toFixed(1),
    'p99 (ms)': s.p99.toFixed(1),
    'max (ms)': s.max.toFixed(1),
    'node CPU %': cpu.node.toFixed(0),
    'redis CPU %': cpu.redis.toFixed(0),
  };
}

function windowAfterWarmup(windowS: number): FireRecorder {
  const from = Math.ceil((Date.now() + WARMUP_MS) / 1000) * 1000;
  return new FireRecorder(from, from + windowS * 1000);
}

async function ours(env: BenchEnv, count: number, windowS: number): Promise<Row> {
  // Runs are real (lease, records, state, one bar stored) but fetch nothing: the provider answers at once.
  const bar = { time: Date.parse('2026-01-05T14:30:00Z'), open: 1, high: 2, low: 0.5, close: 1.5, adj_close: 1.5, volume: 10 };
  const provider = { fetchChart: async () => ({ bars: [bar], actions: [] }) };
  // The Yahoo rate limit applies to any provider; this one has none to respect.
  const context = await env.scheduler({ autoStart: true, maxConcurrentRuns: RUN_CONCURRENCY, provider, yahoo: { maxRps: 1_000_000 } });
  const manager = context.get(JobManager);
  await manager.setSchedulerRunning(false);
  let recorder = new FireRecorder(0, 0);
  const executor = context.get(JobExecutor);
  const startLeased = executor.startLeased.bind(executor);
  // A fire counts when its run holds the lease and is queued, as a BullMQ job counts when a worker takes it.
  executor.startLeased = (job, trigger, scheduledFor, nextRun, runId) => {
    const result = startLeased(job, trigger, scheduledFor, nextRun, runId);
    if (result.ok) recorder.record(job.job_id, scheduledFor?.getTime() ?? 0, Date.now());
    return result;
  };
  const dto = { stock_ids: ['AAPL'], cron: '* * * * * *' };
  await inBatches(count, 100, (i) => manager.create({ ...dto, name: `fire-${i}` } as CreateJobDto, 'bench'));
  await manager.setSchedulerRunning(true);
  recorder = windowAfterWarmup(windowS);
  const row = await measureWindow(env, 'this scheduler (CronJob per job + Redis claim)', count, recorder);
  await env.closeScheduler(context);
  return row;
}

/** BullMQ stamps each scheduled job's id with the occurrence it stands for: `repeat:{scheduler}:{millis}`. */
const occurrenceOf = (job: Job) => Number(job.id?.split(':').pop());

async function bullmq(env: BenchEnv, count: number, windowS: number): Promise<Row> {
  const { hostname, port } = new URL(env.redis.url);
  const connection = { host: hostname, port: Number(port) };
  const name = `fire-${randomUUID()}`;
  const queue = new Queue(name, { connection });
  let recorder = new FireRecorder(0, 0);
  const worker = new Worker(name, async (job) => recorder.record(job.repeatJobKey ?? '', occurrenceOf(job), Date.now()), {
    connection,
    concurrency: RUN_CONCURRENCY,
  });
  const template = { name: 'fire', opts: { removeOnComplete: true, removeOnFail: true } };
  await inBatches(count, 100, (i) => queue.upsertJobScheduler(`s${i}`, { every: 1000 }, template));
  recorder = windowAfterWarmup(windowS);
  const row = await measureWindow(env, `BullMQ job schedulers (every 1000, worker concurrency ${RUN_CONCURRENCY})`, count, recorder);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return row;
}

async function seedLoop(env: BenchEnv, count: number, checks: number): Promise<Row> {
  const redis = new Redis(env.redis.url);
  const registry = new SeedRegistry(redis, `seed-${randomUUID()}:`);
  for (let i = 0; i < count; i++) {
    await registry.create({ job_id: randomUUID(), name: `fire-${i}`, stock_ids: ['AAPL'], schedule_time: '17:00', is_active: true, status: 'pending', last_run: null, next_run: null });
  }
  const result = await simulateSeedLoop(registry, count, checks);
  redis.disconnect();
  return {
    system: `seed's 60 s polling loop (${checks} checks, virtual clock)`,
    jobs: count,
    'fires due': result.due,
    'fires run': result.executions,
    'missed job-seconds': result.due - result.executions,
    'jobs that missed a second': count,
    'p50 (ms)': percentile(result.lateness, 0.5).toFixed(0),
    'p99 (ms)': percentile(result.lateness, 0.99).toFixed(0),
    'max (ms)': percentile(result.lateness, 1).toFixed(0),
    'node CPU %': '-',
    'redis CPU %': '-',
  };
}

export default async function firePrecision({ quick }: BenchOptions): Promise<void> {
  const sizes = quick ? [1000] : [1000, 10_000];
  const windowS = quick ? 10 : 30;
  const env = await startBenchEnv();
  try {
    for (const count of sizes) {
      const rows = [await ours(env, count, windowS), await bullmq(env, count, windowS), await seedLoop(env, count, quick ? 2 : 3)];
      printTable(`Fire precision: ${count} jobs every second for ${windowS} s, one process`, rows);
      console.log(`\np99 lateness, BullMQ / this scheduler: ${ratio(Number(rows[1]['p99 (ms)']), Number(rows[0]['p99 (ms)']), 1)}`);
    }
  } finally {
    await env.close();
  }
}

import type { INestApplicationContext } from '@nestjs/common';
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import { JobExecutor } from '../src/scheduler/job-executor.js';
import { JobManager } from '../src/scheduler/job-manager.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { cpuMeter, FireRecorder } from './fire-recorder.js';
import { printTable, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Issue 16: the fire work of a fleet. R replicas (scheduler contexts in this one process, so that
// the process's CPU is the fleet's) on one Redis and key prefix, J jobs every second.
const WARMUP_MS = 3000;
const SETTLE_MS = 3000;

async function fleet(env: BenchEnv, replicas: number, jobs: number, windowS: number): Promise<Record<string, string | number>> {
  const bar = { time: Date.parse('2026-01-05T14:30:00Z'), open: 1, high: 2, low: 0.5, close: 1.5, adj_close: 1.5, volume: 10 };
  const provider = { fetchChart: async () => ({ bars: [bar], actions: [] }) };
  const keyPrefix = `bench:${randomUUID()}:`;
  const contexts: INestApplicationContext[] = [];
  for (let i = 0; i < replicas; i++) contexts.push(await env.scheduler({ keyPrefix, autoStart: true, maxConcurrentRuns: 256, provider, yahoo: { maxRps: 1_000_000 } }));
  const manager = contexts[0]!.get(JobManager);
  await manager.setSchedulerRunning(false);
  for (let i = 0; i < jobs; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, jobs - i) }, (_, k) => manager.create({ name: `fleet-${i + k}`, stock_ids: ['AAPL'], cron: '* * * * * *' } as CreateJobDto, 'bench')));
  }
  let recorder = new FireRecorder(0, 0);
  for (const context of contexts) {
    const executor = context.get(JobExecutor);
    const startLeased = executor.startLeased.bind(executor);
    executor.startLeased = (job, trigger, scheduledFor, nextRun, runId) => {
      const result = startLeased(job, trigger, scheduledFor, nextRun, runId);
      if (result.ok) recorder.record(job.job_id, scheduledFor?.getTime() ?? 0, Date.now());
      return result;
    };
  }
  await manager.setSchedulerRunning(true);
  await sleep(WARMUP_MS);
  const armed = contexts.map((context) => context.get(JobScheduler).registeredCount);
  const from = Math.ceil(Date.now() / 1000) * 1000;
  recorder = new FireRecorder(from, from + windowS * 1000);
  await sleep(from - Date.now());
  const stop = await cpuMeter(env.redis.url);
  await sleep(recorder.to - Date.now());
  const cpu = await stop();
  await sleep(SETTLE_MS);
  const s = recorder.summary(jobs);
  for (const context of contexts) await env.closeScheduler(context);
  const cpuMs = (cpu.node / 100) * windowS * 1000;
  return {
    replicas,
    jobs,
    'CronJobs armed (per replica)': armed.join(' / '),
    'fires due': s.due,
    'fires run': s.fires,
    'p99 (ms)': s.p99.toFixed(1),
    'node CPU % (fleet)': cpu.node.toFixed(0),
    'redis CPU %': cpu.redis.toFixed(0),
    'node CPU ms per 1,000 fires': ((cpuMs / Math.max(1, s.fires)) * 1000).toFixed(0),
  };
}

interface ReplicaReport {
  fires: number;
  armed: number;
  cpuMs: number;
  heapMb: number;
}

async function createJobs(env: BenchEnv, keyPrefix: string, jobs: number, cron: string): Promise<number> {
  const setup = await env.scheduler({ keyPrefix });
  const manager = setup.get(JobManager);
  for (let i = 0; i < jobs; i += 200) {
    await Promise.all(Array.from({ length: Math.min(200, jobs - i) }, (_, k) => manager.create({ name: `fleet-${i + k}`, stock_ids: ['AAPL'], cron } as CreateJobDto, 'bench')));
  }
  // What GET /scheduler/jobs reads: every job, the median of five.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await manager.list(false);
    times.push(performance.now() - started);
  }
  await env.closeScheduler(setup);
  return times.sort((a, b) => a - b)[2]!;
}

/** R replica processes on one Redis (`bench/fleet-replica.ts`): boots them all, then reports each one's window of `windowS`. */
async function replicaProcesses(env: BenchEnv, keyPrefix: string, replicas: number, windowS: number): Promise<{ reports: ReplicaReport[]; bootS: number }> {
  const childEnv = { ...process.env, REDIS_URL: env.redis.url, KEY_PREFIX: keyPrefix };
  const children = Array.from({ length: replicas }, () => fork(new URL('./fleet-replica.js', import.meta.url), { env: childEnv, execArgv: ['--expose-gc'] }));
  const next = (child: ChildProcess) =>
    new Promise<unknown>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`a replica exited with code ${code} before reporting`)));
    });
  const bootStart = Date.now();
  await Promise.all(children.map(next));
  const bootS = (Date.now() - bootStart) / 1000;
  // Time for every replica to see the others, arm its share and catch up what it missed while booting.
  const from = Math.ceil((Date.now() + 8000) / 1000) * 1000;
  const to = from + windowS * 1000;
  const reports = (await Promise.all(children.map((child) => (child.send({ from, to }), next(child))))) as ReplicaReport[];
  return { reports, bootS };
}

/** R replica processes on one Redis, J jobs every second: how many fires the fleet runs in the window. */
async function capacity(env: BenchEnv, replicas: number, jobs: number, windowS: number): Promise<Record<string, string | number>> {
  const keyPrefix = `bench:${randomUUID()}:`;
  await createJobs(env, keyPrefix, jobs, '* * * * * *');
  const { reports, bootS } = await replicaProcesses(env, keyPrefix, replicas, windowS);
  const fires = reports.reduce((sum, r) => sum + r.fires, 0);
  return {
    replicas,
    jobs,
    'CronJobs armed (per replica)': reports.map((r) => r.armed).join(' / '),
    'fires due': jobs * windowS,
    'fires run': fires,
    'share run %': ((fires / (jobs * windowS)) * 100).toFixed(0),
    'node CPU % (per replica)': reports.map((r) => ((r.cpuMs / (windowS * 1000)) * 100).toFixed(0)).join(' / '),
    'heap MB (per replica)': reports.map((r) => r.heapMb.toFixed(0)).join(' / '),
    'boot (s)': bootS.toFixed(1),
  };
}

/** J jobs that do not fire soon, on 1 and then 3 replica processes: boot until all armed, heap per replica after a GC, list latency. */
async function bigFleet(env: BenchEnv, jobs: number): Promise<Record<string, string | number>[]> {
  const keyPrefix = `bench:${randomUUID()}:`;
  const listMs = await createJobs(env, keyPrefix, jobs, '0 0 1 1 *');
  const rows: Record<string, string | number>[] = [];
  for (const replicas of [1, 3]) {
    const { reports, bootS } = await replicaProcesses(env, keyPrefix, replicas, 1);
    rows.push({
      replicas,
      jobs,
      'boot until armed (s)': bootS.toFixed(1),
      'CronJobs armed (per replica)': reports.map((r) => r.armed).join(' / '),
      'heap MB after GC (per replica)': reports.map((r) => r.heapMb.toFixed(0)).join(' / '),
      'list all (ms)': listMs.toFixed(0),
    });
  }
  return rows;
}

export default async function fleetBench({ quick }: BenchOptions): Promise<void> {
  const jobs = quick ? 1000 : 3000;
  const windowS = quick ? 10 : 20;
  const env = await startBenchEnv();
  try {
    const rows = [await fleet(env, 1, jobs, windowS), await fleet(env, 3, jobs, windowS)];
    printTable(`Fleet fire work: ${jobs} jobs every second for ${windowS} s, 1 and 3 replicas in one process`, rows);
    // 10,000 jobs a second in one process hits ioredis' auto-pipelining crash (redis/ioredis#1931): the size stays below it.
    const heavy = Number(process.env.FLEET_CAPACITY_JOBS ?? (quick ? 2000 : 4000));
    const capacityRows = [await capacity(env, 1, heavy, windowS), await capacity(env, 2, heavy, windowS)];
    printTable(`Fleet capacity: ${heavy} jobs every second for ${windowS} s, 1 and 2 replica processes`, capacityRows);
    const many = Number(process.env.FLEET_BIG_JOBS ?? (quick ? 10_000 : 100_000));
    printTable(`A big fleet: ${many} jobs (yearly), 1 and 3 replica processes`, await bigFleet(env, many));
  } finally {
    await env.close();
  }
}

import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import { JobManager } from '../src/scheduler/job-manager.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { startApiServer } from './api-process.js';
import { percentile, printTable, ratio, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';
import { simulateSeedLoop } from './seed-loop.js';
import { SeedRegistry } from './seed-registry.js';

// Question 2 of issue 5: many jobs created over HTTP, listed, and registered again at boot.
/** Daily at 03:00 UTC: registered at boot like any active job, never due during the run. */
const JOB = { stock_ids: ['AAPL', 'MSFT'], schedule_time: '03:00', timezone: 'UTC' };
/** Create times are the median of this many requests around the 1st, the middle and the last job. */
const AROUND = 50;
const LIST_REPEATS = 5;

interface Figures {
  create: number[];
  listMs: number;
  /** The first page of 50, and a search by name matching one job (issue 14's jobs page). */
  pageMs?: number;
  searchMs?: number;
  bootMs: number;
  heapPerJob: number | null;
}

const ms = (started: number) => performance.now() - started;
const median = (values: number[]) => percentile(values, 0.5);

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return ms(started);
}

async function ours(env: BenchEnv, count: number): Promise<Figures> {
  const keyPrefix = `bench:${randomUUID()}:`;
  const server = await startApiServer('fastify', 'app', { REDIS_URL: env.redis.url, KEY_PREFIX: keyPrefix, YAHOO_BASE_URL: env.yahoo.url });
  const create: number[] = [];
  const listTimes: number[] = [];
  const pageTimes: number[] = [];
  const searchTimes: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const body = JSON.stringify({ ...JOB, name: `job-${i}` });
      create.push(await timed(() => fetch(`${server.url}/scheduler/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((res) => res.arrayBuffer())));
    }
    for (let i = 0; i < LIST_REPEATS; i++) listTimes.push(await timed(() => fetch(`${server.url}/scheduler/jobs`).then((res) => res.json())));
    for (let i = 0; i < LIST_REPEATS; i++) pageTimes.push(await timed(() => fetch(`${server.url}/scheduler/jobs?limit=50`).then((res) => res.json())));
    for (let i = 0; i < LIST_REPEATS; i++) searchTimes.push(await timed(() => fetch(`${server.url}/scheduler/jobs?q=job-${count - 1}`).then((res) => res.json())));
  } finally {
    await server.stop();
  }
  // Boot in this process, so that the heap it takes can be read: an empty store first, then the full one.
  const heapAfterBoot = async (prefix: string, expected: number) => {
    const started = performance.now();
    const context = await env.scheduler({ keyPrefix: prefix, autoStart: true });
    const registered = context.get(JobScheduler).registeredCount;
    const bootMs = ms(started);
    if (registered !== expected) throw new Error(`boot registered ${registered} jobs, expected ${expected}`);
    global.gc?.();
    const heap = process.memoryUsage().heapUsed;
    await env.closeScheduler(context);
    return { bootMs, heap };
  };
  const empty = await heapAfterBoot(`bench:${randomUUID()}:`, 0);
  const full = await heapAfterBoot(keyPrefix, count);
  return { create, listMs: median(listTimes), pageMs: median(pageTimes), searchMs: median(searchTimes), bootMs: full.bootMs, heapPerJob: global.gc ? (full.heap - empty.heap) / count : null };
}

/** The same creates without HTTP: what the registry itself costs, comparable with the seed's. */
async function oursDirect(env: BenchEnv, count: number): Promise<number[]> {
  const context = await env.scheduler({ autoStart: false });
  const manager = context.get(JobManager);
  const create: number[] = [];
  for (let i = 0; i < count; i++) create.push(await timed(() => manager.create({ ...JOB, name: `job-${i}` } as CreateJobDto, 'bench')));
  await env.closeScheduler(context);
  return create;
}

async function seed(env: BenchEnv, count: number): Promise<Figures> {
  const redis = new Redis(env.redis.url);
  const registry = new SeedRegistry(redis, `seed-${randomUUID()}:`);
  const create: number[] = [];
  for (let i = 0; i < count; i++) {
    const job = { job_id: randomUUID(), name: `job-${i}`, stock_ids: JOB.stock_ids, schedule_time: '03:00', is_active: true, status: 'pending', last_run: null, next_run: null };
    create.push(await timed(() => registry.create(job)));
  }
  const listTimes: number[] = [];
  for (let i = 0; i < LIST_REPEATS; i++) listTimes.push(await timed(() => registry.list()));
  // The seed registers nothing at boot: its first loop check (list, then a next_run for every job) is what a boot does.
  const bootMs = await timed(() => simulateSeedLoop(registry, count, 1));
  redis.disconnect();
  return { create, listMs: median(listTimes), bootMs, heapPerJob: null };
}

export default async function jobManagement({ quick }: BenchOptions): Promise<void> {
  const count = quick ? 2000 : 10_000;
  const env = await startBenchEnv();
  try {
    const mine = await ours(env, count);
    const direct = await oursDirect(env, count);
    const theirs = await seed(env, count);
    const around = (values: number[], at: number) => median(values.slice(Math.max(0, at - AROUND / 2), Math.max(AROUND, at + AROUND / 2)));
    const row = (what: string, http: number | string, registry: number | string, seedValue: number | string, ratioTo: number | null, digits = 0) => {
      const show = (value: number | string) => (typeof value === 'number' ? value.toFixed(digits) : value);
      const base = typeof seedValue === 'number' && ratioTo !== null ? ratio(seedValue, ratioTo, 1) : '-';
      return { what, 'this scheduler, over HTTP': show(http), 'this scheduler, in process': show(registry), "seed's registry, in process": show(seedValue), 'seed ÷ ours': base };
    };
    const rows = [
      ...[1, count / 2, count].map((at) => {
        const registry = around(direct, at);
        return row(`create, around job ${at} (ms)`, around(mine.create, at), registry, around(theirs.create, at), registry, 2);
      }),
      row(`list ${count} (ms)`, mine.listMs, '-', theirs.listMs, mine.listMs),
      row(`first page of 50 of ${count} (ms)`, mine.pageMs!, '-', '-', null),
      row(`search of ${count} by name, 1 match (ms)`, mine.searchMs!, '-', '-', null),
      row(`boot until ${count} registered (ms)`, '-', mine.bootMs, theirs.bootMs, mine.bootMs),
      row('heap per registered job (bytes)', '-', mine.heapPerJob ?? 'run with --expose-gc', '-', null),
    ];
    printTable(`Job management: ${count} jobs on one Redis`, rows);
  } finally {
    await env.close();
  }
}

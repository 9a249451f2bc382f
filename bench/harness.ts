import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import type { Redis } from 'ioredis';
import type { CreateJobDto } from '../src/scheduler/dto/create-job.dto.js';
import { JobManager } from '../src/scheduler/job-manager.js';
import { JobRegistry } from '../src/scheduler/job-registry.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { SchedulerModule } from '../src/scheduler/scheduler.module.js';
import type { SchedulerModuleOptions } from '../src/scheduler/scheduler-options.js';
import { startFakeYahoo, type FakeYahoo, type FakeYahooOptions } from '../test/support/fake-yahoo.js';
import { startRedis, type RedisProcess } from '../test/support/redis-process.mjs';

/** `quick`: the sizes `npm run bench` uses to stay under 5 minutes on 2 cores. */
export interface BenchOptions {
  quick: boolean;
}

/** What every benchmark runs on: its own redis-server and a local fake Yahoo, both on loopback. */
export interface BenchEnv {
  redis: RedisProcess;
  yahoo: FakeYahoo;
  /** The scheduler module alone (no HTTP), on this env's Redis and fake Yahoo, under a fresh key prefix. */
  scheduler(options?: SchedulerModuleOptions): Promise<INestApplicationContext>;
  /** Closes one context from {@link scheduler} early, so its timers stop loading the machine. */
  closeScheduler(context: INestApplicationContext): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchEnv(yahooOptions: FakeYahooOptions = {}): Promise<BenchEnv> {
  const redis = await startRedis();
  const yahoo = await startFakeYahoo(yahooOptions);
  const contexts = new Set<INestApplicationContext>();
  return {
    redis,
    yahoo,
    async scheduler(options = {}) {
      const module = SchedulerModule.forRoot({
        redisUrl: redis.url,
        keyPrefix: `bench:${randomUUID()}:`,
        autoStart: false,
        ...options,
        yahoo: { baseUrl: yahoo.url, ...options.yahoo },
      });
      const context = await NestFactory.createApplicationContext(module, { logger: ['error'] });
      contexts.add(context);
      return context;
    },
    async closeScheduler(context) {
      contexts.delete(context);
      await context.close();
    },
    async close() {
      for (const context of contexts) await context.close();
      await yahoo.close();
      await redis.stop();
    },
  };
}

/** The machine line every result table starts with. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} cores (${cpu[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

/** Prints rows as a Markdown table, ready to paste into BENCHMARKS.md. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  console.log(`\n### ${title}\n\n${machine()}\n`);
  console.log(`| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${columns.map((c) => String(row[c])).join(' | ')} |`);
}

/** The value below which `p` (0–1) of the sorted samples fall (nearest rank). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function ratio(a: number, b: number, digits = 2): string {
  return `${(a / b).toFixed(digits)}×`;
}

/** Keys under `pattern` and the sum of their `MEMORY USAGE` (every element counted: SAMPLES 0). */
export async function memoryOf(raw: Redis, pattern: string): Promise<{ keys: number; bytes: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, batch] = await raw.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    const pipeline = raw.pipeline();
    for (const key of batch) pipeline.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
    for (const [, usage] of (await pipeline.exec()) ?? []) bytes += Number(usage);
    keys += batch.length;
    cursor = next;
  } while (cursor !== '0');
  return { keys, bytes };
}

/** Creates the jobs inactive, so that only {@link fireTogether} runs them; returns their ids. */
export async function createJobs(context: INestApplicationContext, dtos: Partial<CreateJobDto>[]): Promise<string[]> {
  const manager = context.get(JobManager);
  const ids: string[] = [];
  for (const dto of dtos) ids.push((await manager.create({ ...dto, is_active: false } as CreateJobDto, 'bench')).job_id);
  return ids;
}

/**
 * Dispatches every job at one occurrence, as their CronJobs would, and waits until each has recorded
 * the run; returns the wall time in ms.
 */
export async function fireTogether(context: INestApplicationContext, ids: string[], occurrence: Date): Promise<number> {
  const registry = context.get(JobRegistry);
  const jobs = (await registry.getMany(ids)).filter((job) => job !== null);
  const before = await Promise.all(ids.map(async (id) => (await registry.runs(id, 1))[0]?.run_id));
  const started = Date.now();
  await context.get(JobScheduler).dispatch(jobs.map((job) => ({ job, trigger: 'schedule', scheduledFor: occurrence })));
  for (;;) {
    const latest = await Promise.all(ids.map(async (id) => (await registry.runs(id, 1))[0]));
    if (latest.every((run, i) => run !== undefined && run.run_id !== before[i] && run.status !== 'running')) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

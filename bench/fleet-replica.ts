// One replica of the fleet capacity bench, in a process of its own: boots, says so, counts the fires
// it runs inside the window its parent then names, reports them over IPC and exits.
import { NestFactory } from '@nestjs/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobExecutor } from '../src/scheduler/job-executor.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { SchedulerModule } from '../src/scheduler/scheduler.module.js';

const { REDIS_URL, KEY_PREFIX } = process.env;
let from = Infinity;
let to = Infinity;
const bar = { time: Date.parse('2026-01-05T14:30:00Z'), open: 1, high: 2, low: 0.5, close: 1.5, adj_close: 1.5, volume: 10 };
const provider = { fetchChart: async () => ({ bars: [bar], actions: [] }) };
const module = SchedulerModule.forRoot({ redisUrl: REDIS_URL, keyPrefix: KEY_PREFIX, autoStart: true, maxConcurrentRuns: 256, provider, yahoo: { maxRps: 1_000_000 } });
const context = await NestFactory.createApplicationContext(module, { logger: process.env.FLEET_LOG ? ['error', 'warn', 'log'] : ['error'] });
let fires = 0;
const executor = context.get(JobExecutor);
const startLeased = executor.startLeased.bind(executor);
executor.startLeased = (job, trigger, scheduledFor, nextRun, runId) => {
  const result = startLeased(job, trigger, scheduledFor, nextRun, runId);
  const at = scheduledFor?.getTime() ?? 0;
  if (result.ok && at >= from && at < to) fires++;
  return result;
};
// Booted (every stored job read, armed or caught up): the parent names the window once all are.
const window = new Promise<{ from: number; to: number }>((resolve) => process.once('message', (message) => resolve(message as { from: number; to: number })));
process.send!({ ready: true });
({ from, to } = await window);
await sleep(from - Date.now());
const armed = context.get(JobScheduler).registeredCount;
const cpu = process.cpuUsage();
await sleep(to - Date.now());
const used = process.cpuUsage(cpu);
await sleep(3000);
globalThis.gc?.();
process.send!({ fires, armed, cpuMs: (used.user + used.system) / 1000, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
await context.close();
process.exit(0);

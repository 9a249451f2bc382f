import { BadRequestException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JobManager } from '../src/scheduler/job-manager.js';
import { churnIntervalJobs, createJob } from '../test/support/timer-churn.js';
import { startApiServer } from './api-process.js';
import { percentile, printTable, startBenchEnv, type BenchEnv, type BenchOptions } from './harness.js';

// Issue 10 items 1 and 2: a preview's CPU on schedules with no fire in market hours, and the fires
// a process keeps running while one-second jobs are created and deleted in bursts of 40.
const PREVIEWS: [string, Record<string, unknown>][] = [
  ['no fire in market hours, every minute 00–08 UTC', { cron: '0 * 0-8 * * *', timezone: 'UTC', market_hours_only: true }],
  ['no fire in market hours, every 5 minutes 00–08 UTC', { cron: '0 */5 0-8 * * *', timezone: 'UTC', market_hours_only: true }],
  ['no fire in market hours, 16:30 New York on weekdays', { cron: '30 16 * * 1-5', timezone: 'America/New_York', market_hours_only: true }],
  ['no date at all, 30 February', { cron: '0 0 30 2 *', timezone: 'UTC' }],
  ['market hours, every second', { cron: '* * * * * *', timezone: 'America/New_York', market_hours_only: true }],
  ['market hours, 10:00 New York on weekends only', { cron: '0 10 * * 0,6', timezone: 'America/New_York', market_hours_only: true }],
  ['every second, any hours', { cron: '* * * * * *', timezone: 'America/New_York' }],
];
const REPEATS = 20;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

async function previewCpu(env: BenchEnv): Promise<void> {
  const context = await env.scheduler();
  const manager = context.get(JobManager);
  const rows = PREVIEWS.map(([schedule, dto]) => {
    const samples: number[] = [];
    let answer = '';
    // The first call parses the expression and builds the year's sessions: it is counted too.
    for (let i = 0; i < REPEATS; i++) {
      const started = process.cpuUsage();
      try {
        answer = `200, ${manager.preview(dto, 100, new Date()).next_runs.length} fire times`;
      } catch (error) {
        if (!(error instanceof BadRequestException)) throw error;
        answer = '400';
      }
      samples.push(cpuMs(started));
    }
    return { schedule, answer, 'first call CPU (ms)': samples[0].toFixed(2), 'median CPU (ms)': percentile(samples, 0.5).toFixed(2), 'max CPU (ms)': Math.max(...samples).toFixed(2) };
  });
  await env.closeScheduler(context);
  printTable(`Schedule preview CPU, count 100, ${REPEATS} calls each, in process (goal < 50 ms)`, rows);
}

const firesSoFar = async (url: string) => {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  return Number(/^scheduler_fire_lateness_seconds_count (\d+)/m.exec(metrics)?.[1] ?? NaN);
};

async function churn(env: BenchEnv, seconds: number): Promise<void> {
  const server = await startApiServer('fastify', 'app', { REDIS_URL: env.redis.url, KEY_PREFIX: `bench:${randomUUID()}:`, YAHOO_BASE_URL: env.yahoo.url, YAHOO_MAX_RPS: '1000' });
  let alive = true;
  try {
    await Promise.all(Array.from({ length: 10 }, (_, i) => createJob(server.url, { name: `kept ${i}`, stock_ids: ['AAPL'], interval_seconds: 1 })));
    const firesBefore = await firesSoFar(server.url);
    const started = Date.now();
    const result = await churnIntervalJobs(server.url, { durationMs: seconds * 1000, parallel: 40, alive: () => alive }).catch((error: unknown) => {
      alive = false;
      console.error(`the server did not survive the churn: ${String(error)}`);
      return null;
    });
    const elapsed = (Date.now() - started) / 1000;
    const fires = alive ? (await firesSoFar(server.url)) - firesBefore : NaN;
    printTable(`Churn: rounds of 40 one-second interval jobs created and deleted at once, for ${seconds} s, beside 10 kept ones`, [
      {
        'survived': alive ? 'yes' : 'no',
        rounds: result?.rounds ?? '-',
        'jobs created and deleted': result?.jobs ?? '-',
        'fires run': fires,
        'fires per second': (fires / elapsed).toFixed(1),
      },
    ]);
  } finally {
    if (alive) await server.stop();
  }
}

export default async function scheduleSafety(options: BenchOptions): Promise<void> {
  const env = await startBenchEnv();
  try {
    await previewCpu(env);
    await churn(env, options.quick ? 10 : 30);
  } finally {
    await env.close();
  }
}

import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startApiServer, type ApiServer } from './api-process.js';
import type { Mode, Platform } from './api-server.js';
import { printTable, ratio, startBenchEnv, type BenchOptions } from './harness.js';

// Question 5 of issue 5: req/s and p99 of the job routes under 50 connections, against the ceiling
// of the same platform (a bare Nest route doing one Redis GET), on Express and on Fastify.
// BENCH_CPU_PROF=<dir> runs the servers under `node --cpu-prof` and leaves their profiles there.
const CONNECTIONS = 50;
const JOBS = 100;
const PLATFORMS: Platform[] = ['express', 'fastify'];
const CEILING = 'ceiling: bare GET /bare/{id}';
const GET_BY_ID = 'GET /scheduler/jobs/{id}';

/** The README's example job, due 12 h from now so that none of the jobs the run creates fires during it. */
const JOB = JSON.stringify({
  name: 'Daily FAANG Stocks',
  stock_ids: ['META', 'AAPL', 'AMZN', 'NFLX', 'GOOGL'],
  schedule_time: new Date(Date.now() + 12 * 3600_000).toISOString().slice(11, 16),
  timezone: 'UTC',
});
const POST = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JOB };

interface Scenario {
  route: string;
  mode: Mode;
  request: (jobId: string) => Omit<autocannon.Options, 'url'> & { path: string };
}

const SCENARIOS: Scenario[] = [
  { route: CEILING, mode: 'bare', request: (id) => ({ path: `/bare/${id}` }) },
  { route: GET_BY_ID, mode: 'app', request: (id) => ({ path: `/scheduler/jobs/${id}` }) },
  { route: `GET /scheduler/jobs (${JOBS} jobs)`, mode: 'app', request: () => ({ path: '/scheduler/jobs' }) },
  { route: 'POST /scheduler/jobs', mode: 'app', request: () => ({ path: '/scheduler/jobs', ...POST }) },
];

interface Measured {
  platform: Platform;
  route: string;
  rps: number;
  p99: number;
  cpuPerRequest: number;
  redis: string;
  failed: number;
}

/** Time for the requests the server had accepted when autocannon stopped to finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

/** Warm-up, then `seconds` of load; server CPU and Redis commands (INFO commandstats) per request of the measured part. */
async function measure(server: ApiServer, request: Omit<autocannon.Options, 'url'>, path: string, seconds: number, redis: Redis) {
  const run = (duration: number) => autocannon({ url: server.url + path, connections: CONNECTIONS, duration, ...request });
  await run(Math.min(2, seconds / 3)); // JIT, connection pools
  await settle();
  await redis.config('RESETSTAT');
  const cpuBefore = await server.cpu();
  const result = await run(seconds);
  await settle();
  const cpu = (await server.cpu()) - cpuBefore;
  const done = result.requests.total;
  const calls = [...(await redis.info('commandstats')).matchAll(/^cmdstat_(\w+(?:\|\w+)?):calls=(\d+)/gm)]
    .map(([, name, count]) => [name, Number(count) / done] as const)
    .filter(([name, perRequest]) => name !== 'config|resetstat' && name !== 'info' && perRequest >= 0.05)
    .sort((a, b) => b[1] - a[1]);
  const total = calls.reduce((sum, [, perRequest]) => sum + perRequest, 0);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuPerRequest: cpu / done,
    redis: `${total.toFixed(1)}: ${calls.map(([name, n]) => `${name} ${n.toFixed(1)}`).join(', ')}`,
    failed: result.errors + result.timeouts + result.non2xx,
  };
}

export default async function apiThroughput({ quick }: BenchOptions): Promise<void> {
  const seconds = quick ? 3 : 10;
  const env = await startBenchEnv();
  const redis = new Redis(env.redis.url);
  const measured: Measured[] = [];
  try {
    for (const platform of PLATFORMS) {
      const serverEnv = { REDIS_URL: env.redis.url, KEY_PREFIX: `bench:${randomUUID()}:`, YAHOO_BASE_URL: env.yahoo.url };
      const servers = { bare: await startApiServer(platform, 'bare', serverEnv), app: await startApiServer(platform, 'app', serverEnv) };
      try {
        const ids: string[] = [];
        for (let i = 0; i < JOBS; i++) {
          const res = await fetch(`${servers.app.url}/scheduler/jobs`, POST);
          ids.push(((await res.json()) as { job_id: string }).job_id);
        }
        for (const { route, mode, request } of SCENARIOS) {
          const { path, ...options } = request(ids[0]);
          measured.push({ platform, route, ...(await measure(servers[mode], options, path, seconds, redis)) });
        }
      } finally {
        await Promise.all([servers.bare.stop(), servers.app.stop()]);
      }
    }
  } finally {
    await redis.quit();
    await env.close();
  }

  const find = (platform: Platform, route: string) => measured.find((m) => m.platform === platform && m.route === route)!;
  printTable(`API throughput: ${CONNECTIONS} connections, ${seconds} s per route, autocannon; rate limit off, LOG_LEVEL=error`, measured.map((m) => {
    const ceiling = find(m.platform, CEILING);
    return {
      route: m.route,
      platform: m.platform,
      'req/s': Math.round(m.rps),
      'p99 (ms)': m.p99,
      'server CPU (µs/req)': Math.round(m.cpuPerRequest),
      '× ceiling (req/s)': ratio(m.rps, ceiling.rps),
      '× ceiling (CPU/req)': ratio(ceiling.cpuPerRequest, m.cpuPerRequest),
      'Fastify ÷ Express (req/s)': m.platform === 'fastify' ? ratio(m.rps, find('express', m.route).rps) : '-',
      'Redis commands/request': m.redis,
      'failed requests': m.failed,
    };
  }));
  for (const platform of PLATFORMS) {
    const byId = find(platform, GET_BY_ID);
    const ceiling = find(platform, CEILING);
    const share = byId.rps / ceiling.rps;
    console.log(
      `\n${platform}: GET by id at ${share.toFixed(2)}× the ceiling's req/s (goal ≥ 0.70×: ${share >= 0.7 ? 'met' : 'missed'}); ` +
        `it costs ${(byId.cpuPerRequest / ceiling.cpuPerRequest).toFixed(2)}× the ceiling's server CPU per request`,
    );
  }
}

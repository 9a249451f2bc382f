import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig } from '../../src/config/environment.js';
import { configureApp, httpAdapter } from '../../src/configure-app.js';
import type { RunRecord } from '../../src/scheduler/job.js';

export type StoreKind = 'redis' | 'memory';

export interface TestApp {
  app: INestApplication;
  /** Raw client without KEY_PREFIX, for checking the key layout; null on the memory store. */
  redis: Redis | null;
  keyPrefix: string;
  /** Closes the app only (shutdown hooks run); idempotent. */
  stop(): Promise<void>;
  /** Stops the app, deletes its keys unless `flush` is false, and closes the raw client. */
  close(options?: { flush?: boolean }): Promise<void>;
}

export function testRedisUrl(): string {
  const url = process.env.TEST_REDIS_URL;
  if (!url) throw new Error('TEST_REDIS_URL is unset: the jest global setup starts redis-server (see test/support/global-setup.mjs)');
  return url;
}

/** The real standalone app (AppModule + configureApp), on a fresh key prefix so suites never collide. */
export async function createTestApp(options: {
  store: StoreKind;
  yahooUrl: string;
  keyPrefix?: string;
  /** Another Redis than the test run's shared one. */
  redisUrl?: string;
  env?: Record<string, string>;
}): Promise<TestApp> {
  const keyPrefix = options.keyPrefix ?? `test:${randomUUID()}:`;
  const redisUrl = options.redisUrl ?? testRedisUrl();
  const config = loadAppConfig({
    ...(options.store === 'redis' && { REDIS_URL: redisUrl, KEY_PREFIX: keyPrefix }),
    YAHOO_BASE_URL: options.yahooUrl,
    SCHEDULER_TIMEZONE: 'America/New_York',
    YAHOO_MAX_RPS: '1000',
    API_RATE_LIMIT: '100000',
    ...options.env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
  const app = await configureApp(moduleRef.createNestApplication<NestFastifyApplication>(httpAdapter(config.trustProxy), { logger: ['error'] }), config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const redis = options.store === 'redis' ? new Redis(redisUrl) : null;
  redis?.on('error', () => undefined); // outage tests stop Redis under this client on purpose
  let stopped: Promise<void> | null = null;
  const stop = () => (stopped ??= app.close());
  return {
    app,
    redis,
    keyPrefix,
    stop,
    async close({ flush = true } = {}) {
      await stop();
      if (redis && flush) await deleteKeys(redis, keyPrefix);
      await redis?.quit();
    },
  };
}

export async function keysUnder(redis: Redis, keyPrefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found.sort();
}

async function deleteKeys(redis: Redis, keyPrefix: string): Promise<void> {
  const found = await keysUnder(redis, keyPrefix);
  if (found.length) await redis.del(...found);
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Run `runId` of the job once recorded: a run still waiting for a slot (404) or `running` is waited for. */
export function recordedRun<Run extends { status: string } = RunRecord>(target: Parameters<typeof request>[0], jobId: string, runId: string, timeoutMs = 10_000): Promise<Run> {
  return eventually(async () => {
    const answer = await request(target).get(`/scheduler/jobs/${jobId}/runs/${runId}`);
    if (answer.status !== 200 && answer.status !== 404) throw new Error(`GET run ${runId} answered ${answer.status}: ${answer.text}`);
    const run = answer.body as Run;
    return answer.status === 200 && run.status !== 'running' ? run : undefined;
  }, timeoutMs, `run ${runId} of job ${jobId} to be recorded`);
}

/**
 * The job's recorded runs, newest first, once at least `count` are recorded: the run in progress,
 * listed first with status `running`, is left out. `target` is an app's HTTP server or a base URL.
 */
export function recordedRuns<Run extends { status: string } = RunRecord>(target: Parameters<typeof request>[0], jobId: string, count = 1, timeoutMs = 10_000): Promise<Run[]> {
  return eventually(async () => {
    const runs = (await request(target).get(`/scheduler/jobs/${jobId}/runs?limit=100`).expect(200)).body as Run[];
    const recorded = runs.filter((run) => run.status !== 'running');
    return recorded.length >= count ? recorded : undefined;
  }, timeoutMs, `${count} recorded run(s) of job ${jobId}`);
}

import { type INestApplication, Logger, type LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { configureApp, httpAdapter } from '../src/configure-app.js';
import type { RunRecord } from '../src/scheduler/job.js';
import { SchedulerModule } from '../src/scheduler/scheduler.module.js';
import { freePort } from './support/redis-process.mjs';
import { recordedRuns, testRedisUrl } from './support/test-app.js';

type Line = { level: string; message: string; fields: Record<string, unknown>; context: unknown };

const INFO_AND_ABOVE = new Set(['log', 'warn', 'error', 'fatal']);

/** No network at all: Yahoo's base URL is a loopback port nothing listens on. */
describe('Yahoo unreachable (redis store)', () => {
  const lines: Line[] = [];
  const collect = (level: string) => (message: string, ...params: unknown[]) => {
    const fields = (params.find((param) => typeof param === 'object') ?? {}) as Record<string, unknown>;
    lines.push({ level, message, fields, context: params.at(-1) });
  };
  const collector: LoggerService = { log: collect('log'), warn: collect('warn'), error: collect('error'), debug: collect('debug'), verbose: collect('verbose') };
  let app: INestApplication;
  let origin: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    origin = `127.0.0.1:${await freePort()}`;
    const moduleRef = await Test.createTestingModule({
      imports: [
        SchedulerModule.forRoot({
          redisUrl: testRedisUrl(),
          keyPrefix: `test:${randomUUID()}:`,
          timezone: 'America/New_York',
          fetchConcurrency: 8,
          // One retry, at once: the retries' own log lines are part of what must stay bounded.
          yahoo: { baseUrl: `http://${origin}`, maxRps: 1000, retries: 1, retryMinDelayMs: 1 },
        }),
      ],
    }).compile();
    app = await configureApp(moduleRef.createNestApplication<NestFastifyApplication>(httpAdapter(), { logger: collector }), {
      corsOrigins: [],
      rateLimitPerMinute: 0,
      trustProxy: false,
    });
    await app.init();
    await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
    Logger.overrideLogger(false);
  });

  /** Runs a new job of `count` symbols once; answers its record and the lines its run logged, HTTP lines left out. */
  const offlineRun = async (count: number) => {
    const symbols = Array.from({ length: count }, (_, i) => `OFF${i}`);
    const id = (await http().post('/scheduler/jobs').send({ name: `offline ${count}`, stock_ids: symbols, is_active: false }).expect(201)).body.job_id;
    lines.length = 0;
    await http().post(`/scheduler/jobs/${id}/run`).expect(202);
    const [run] = await recordedRuns<RunRecord>(app.getHttpServer(), id, 1, 30_000);
    // The summary is logged right after the record is stored.
    const summary = () => lines.find((line) => line.message.includes(`run ${run!.run_id}: failed`));
    for (let waited = 0; !summary() && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    return { id, symbols, run: run!, logged: lines.filter((line) => line.context !== 'HTTP') };
  };

  it('logs one summary per run whatever its size, and each symbol’s failure at debug only', async () => {
    const small = await offlineRun(10);
    const large = await offlineRun(200);

    const infoLines = (logged: Line[]) => logged.filter((line) => INFO_AND_ABOVE.has(line.level));
    expect(infoLines(large.logged)).toHaveLength(infoLines(small.logged).length);
    expect(infoLines(large.logged).length).toBeLessThanOrEqual(3);

    const summary = infoLines(large.logged).find((line) => line.message.includes(`run ${large.run.run_id}: failed`));
    expect(summary).toEqual(
      expect.objectContaining({
        level: 'warn',
        fields: expect.objectContaining({ job_id: large.id, run_id: large.run.run_id }),
        message: expect.stringContaining(
          `(0 ok, 200 failed, 0 bars, ${large.run.duration_ms} ms); ProviderUnavailableError ×200 (GET ${origin}/v8/finance/chart/… failed: connect ECONNREFUSED (2 attempts))`,
        ),
      }),
    );

    const details = large.logged.filter((line) => line.level === 'debug' && typeof line.fields.symbol === 'string');
    // Per symbol: its first attempt's failure before the retry, and its outcome.
    expect(details).toHaveLength(2 * 200);
    for (const line of details) expect(line.fields).toEqual(expect.objectContaining({ job_id: large.id, run_id: large.run.run_id }));
    expect(new Set(details.map((line) => line.fields.symbol))).toEqual(new Set(large.symbols));
  }, 60_000);

  it('records what each failed fetch tried to reach and why, never the query string', async () => {
    const { run, symbols } = await offlineRun(3);
    expect(run.status).toBe('failed');
    expect(run.errors.map(({ symbol, error, kind, attempts }) => [symbol, error, kind, attempts]).sort()).toEqual(
      symbols.map((symbol) => [symbol, `GET ${origin}/v8/finance/chart/${symbol} failed: connect ECONNREFUSED (2 attempts)`, 'ProviderUnavailableError', 2]),
    );
    expect(JSON.stringify(run)).not.toMatch(/period1|interval=|\?/);
  }, 30_000);
});

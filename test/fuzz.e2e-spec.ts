import fc from 'fast-check';
import { useE2eApp } from './support/e2e-context.js';
import { keysUnder } from './support/test-app.js';

const JOB_FIELDS = [
  'name', 'stock_ids', 'schedule_time', 'cron', 'interval_seconds', 'timezone', 'is_active', 'start_date', 'end_date',
  'prefix', 'data_interval', 'lookback_days', 'market_hours_only', 'write_snapshot', 'misfire_grace_seconds', 'count',
];

/** Values near the valid ones as well as anything at all, so the validators see both. */
const plausible = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('17:00', '24:00', '* * * * *', '61 * * * *', 'America/New_York', 'Mars/Base', '2025-01-01', '2025-02-30', '1d', '1m', 'scheduler', ''),
  fc.array(fc.oneof(fc.constantFrom('AAPL', 'msft', 'A B', 'X:Y', '^GSPC', ''), fc.string()), { maxLength: 5 }),
  fc.integer(),
  fc.double(),
);
const jobLike = fc.dictionary(fc.constantFrom(...JOB_FIELDS), plausible, { maxKeys: 8 });
const anyBody = fc.oneof(jobLike, fc.jsonValue());
const anySegment = fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent);

/** Any JSON value as the body, top-level scalars included (supertest itself only sends objects). */
const json = <T extends { set(name: string, value: string): T; send(body: string): T }>(req: T, body: unknown) =>
  req.set('content-type', 'application/json').send(JSON.stringify(body));

/** Arbitrary input at every write route: never a 5xx, and a rejected request writes nothing. */
describe('fuzzing the write endpoints (redis store)', () => {
  const ctx = useE2eApp('redis');
  let jobId: string;
  let keys: string[];

  const check = async (send: () => Promise<{ status: number }>) => {
    const res = await send();
    expect(res.status).toBeLessThan(500);
    const now = await keysUnder(ctx.t.redis!, ctx.t.keyPrefix);
    if (res.status >= 400) expect(now).toEqual(keys);
    keys = now;
  };

  beforeAll(async () => {
    // No fire may write keys behind the test's back.
    await ctx.http().post('/scheduler/stop').expect(200);
    jobId = (await ctx.http().post('/scheduler/jobs').send({ name: 'target', stock_ids: ['AAPL'] }).expect(201)).body.job_id;
    keys = await keysUnder(ctx.t.redis!, ctx.t.keyPrefix);
  });

  const runs = { numRuns: 150 };

  it('POST /scheduler/jobs', async () => {
    await fc.assert(fc.asyncProperty(anyBody, (body) => check(() => json(ctx.http().post('/scheduler/jobs'), body))), runs);
  }, 60_000);

  it('PUT /scheduler/jobs/{id}', async () => {
    await fc.assert(fc.asyncProperty(anyBody, (body) => check(() => json(ctx.http().put(`/scheduler/jobs/${jobId}`), body))), runs);
  }, 60_000);

  it('POST /scheduler/schedule-preview', async () => {
    await fc.assert(fc.asyncProperty(anyBody, (body) => check(() => json(ctx.http().post('/scheduler/schedule-preview'), body))), runs);
  }, 60_000);

  it('arbitrary job ids on every id route', async () => {
    const routes = fc.constantFrom('put', 'delete', 'start', 'stop', 'run');
    await fc.assert(
      fc.asyncProperty(routes, anySegment, anyBody, (route, id, body) =>
        check(() => {
          const http = ctx.http();
          if (route === 'put') return json(http.put(`/scheduler/jobs/${id}`), body);
          if (route === 'delete') return http.delete(`/scheduler/jobs/${id}`);
          return http.post(`/scheduler/jobs/${id}/${route}`);
        }),
      ),
      runs,
    );
  }, 60_000);

  it('arbitrary symbols and queries on the read API', async () => {
    const query = fc.dictionary(fc.constantFrom('interval', 'from', 'to', 'prefix'), fc.string({ maxLength: 30 }), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(anySegment, query, (symbol, q) => check(() => ctx.http().get(`/market-data/${symbol}`).query(q))),
      runs,
    );
  }, 60_000);
});

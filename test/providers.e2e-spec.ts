import type { RunRecord } from '../src/scheduler/job.js';
import { finnhubFixture, FAKE_FINNHUB_KEY, startFakeFinnhub } from './support/fake-finnhub.js';
import type { FakeVendor } from './support/fake-vendor.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { useE2eApp } from './support/e2e-context.js';
import { useFinnhubAfterYahoo } from './support/finnhub-env.js';
import { createTestApp, keysUnder, recordedRuns, type StoreKind, type TestApp } from './support/test-app.js';
import request from 'supertest';
import { randomUUID } from 'node:crypto';

const YAHOO_UNKNOWN = { status: 404, body: { quoteSummary: { result: null, error: { code: 'Not Found', description: 'Quote not found for symbol: AAPL' } } } };

describe.each<StoreKind>(['redis', 'memory'])('Yahoo, then Finnhub (%s store)', (store) => {
  const vendor = useFinnhubAfterYahoo();
  const ctx = useE2eApp(store, { env: vendor.env });
  beforeEach(() => {
    ctx.yahoo.reset();
    vendor.finnhub.reset();
  });

  it('completes a quotes run from Finnhub while Yahoo answers 503, and the record says which provider served', async () => {
    ctx.yahoo.override('*', { status: 503 }, 'quote');
    const { job_id: id } = (await ctx.http().post('/scheduler/jobs').send({ name: 'q', dataset: 'stock_quotes', stock_ids: ['AAPL'], market_hours_only: false, retention_days: 3650 }).expect(201)).body;
    const run = await ctx.runAndWait(id);
    expect(run).toMatchObject({ status: 'success', fetched_stocks: ['AAPL'], sources: { AAPL: 'finnhub' }, points_written: 1 });
    const recorded = finnhubFixture('quote-AAPL.json') as { c: number; pc: number; t: number };
    const [quote] = (await ctx.http().get('/market-data/AAPL/quotes').expect(200)).body;
    expect(quote).toMatchObject({ time: new Date(recorded.t * 1000).toISOString(), price: recorded.c, previous_close: recorded.pc, source: 'finnhub' });
    expect(vendor.finnhub.requests.map((r) => r.kind)).toEqual(['quote']);
    expect(vendor.finnhub.requests[0].query.token).toBeUndefined();
  }, 20_000);

  it('serves a symbol Yahoo does not know from Finnhub; one neither knows fails alone, naming both', async () => {
    ctx.yahoo.override('AAPL', YAHOO_UNKNOWN, 'quoteSummary');
    const { job_id: id } = (await ctx.http().post('/scheduler/jobs').send({ name: 'p', dataset: 'company_info', stock_ids: ['AAPL', 'NOPE'] }).expect(201)).body;
    const run = await ctx.runAndWait(id);
    expect(run).toMatchObject({ status: 'partial_success', fetched_stocks: ['AAPL'], failed_stocks: ['NOPE'], sources: { AAPL: 'finnhub' } });
    expect(run.errors).toEqual([{ symbol: 'NOPE', kind: 'SymbolNotFoundError', attempts: 1, provider: 'finnhub', tried: ['yahoo', 'finnhub'], error: expect.stringMatching(/^no provider knows NOPE: yahoo: .+; finnhub: .+/) }]);
    const profile = (await ctx.http().get('/market-data/AAPL/profile').expect(200)).body;
    expect(profile).toMatchObject({ symbol: 'AAPL', name: (finnhubFixture('profile2-AAPL.json') as { name: string }).name, source: 'finnhub' });
    expect((await ctx.http().get('/health').expect(200)).body).toMatchObject({ status: 'healthy', providers: [{ provider: 'yahoo', status: 'ok' }, { provider: 'finnhub', status: 'ok' }] });
  });
});

describe('a job with its own providers', () => {
  const vendor = useFinnhubAfterYahoo();
  const ctx = useE2eApp('redis', { env: vendor.env });

  it('asks only its providers, in its order, and goes back to the configured chain when they are cleared', async () => {
    const sent = { name: 'q', dataset: 'stock_quotes', stock_ids: ['AAPL'], market_hours_only: false, retention_days: 3650, providers: ['finnhub', 'yahoo'] };
    const created = (await ctx.http().post('/scheduler/jobs').send(sent).expect(201)).body;
    expect((await ctx.http().get(`/scheduler/jobs/${created.job_id}`).expect(200)).body.providers).toEqual(['finnhub', 'yahoo']);
    expect(await ctx.runAndWait(created.job_id)).toMatchObject({ status: 'success', sources: { AAPL: 'finnhub' } });
    expect(ctx.yahoo.requests.filter((r) => r.kind === 'quote')).toHaveLength(0);
    await ctx.http().put(`/scheduler/jobs/${created.job_id}`).send({ providers: null }).expect(200);
    expect(await ctx.runAndWait(created.job_id)).toMatchObject({ status: 'success', sources: { AAPL: 'yahoo' } });
  });

  it('refuses providers that do not serve the dataset, naming each, and writes nothing', async () => {
    const before = (await ctx.http().get('/scheduler/jobs').expect(200)).body.length;
    const refused = await ctx.http().post('/scheduler/jobs').send({ name: 'o', dataset: 'options_chain', stock_ids: ['AAPL'], providers: ['finnhub', 'polygon'] }).expect(400);
    expect(refused.body.message).toEqual(['provider finnhub serves no options_chain (it has no fetchOptions())', 'provider polygon is not configured (MARKET_DATA_PROVIDERS is yahoo,finnhub)']);
    expect((await ctx.http().get('/scheduler/jobs').expect(200)).body).toHaveLength(before);
    const { job_id: id } = (await ctx.http().post('/scheduler/jobs').send({ name: 'o', dataset: 'options_chain', stock_ids: ['AAPL'] }).expect(201)).body;
    const update = await ctx.http().put(`/scheduler/jobs/${id}`).send({ providers: ['finnhub'] }).expect(400);
    expect(update.body.message).toEqual(['provider finnhub serves no options_chain (it has no fetchOptions())']);
    expect((await ctx.http().get(`/scheduler/jobs/${id}`).expect(200)).body.providers).toBeUndefined();
  });
});

describe('a provider whose key is refused', () => {
  const vendor = useFinnhubAfterYahoo('not-the-key');
  const ctx = useE2eApp('memory', { env: vendor.env });

  it('is taken out after its first refusal, never asked again, and health says misconfigured (unhealthy once Yahoo\'s breaker is open too)', async () => {
    ctx.yahoo.override('*', { status: 503 }, 'quoteSummary');
    const { job_id: id } = (await ctx.http().post('/scheduler/jobs').send({ name: 'p', dataset: 'company_info', stock_ids: ['AAPL'] }).expect(201)).body;
    const first = await ctx.runAndWait(id);
    expect(first.errors).toMatchObject([{ symbol: 'AAPL', kind: 'ProviderAuthError', provider: 'finnhub', tried: ['yahoo', 'finnhub'] }]);
    expect(JSON.stringify(first)).not.toContain('not-the-key');
    await ctx.runAndWait(id);
    expect(vendor.finnhub.requests).toHaveLength(1);
    // Yahoo's five faults (four attempts, then one) opened its breaker: no provider is left to serve.
    expect(ctx.yahoo.requests.filter((r) => r.kind === 'quoteSummary')).toHaveLength(5);
    const health = (await ctx.http().get('/health').expect(503)).body;
    expect(health).toMatchObject({ status: 'unhealthy', providers: [{ provider: 'yahoo', status: 'open' }, { provider: 'finnhub', status: 'misconfigured' }] });
    expect(health.issues.join(' ')).toContain('finnhub refused the credentials');
  }, 30_000);
});

describe('a daily quota held across three replicas on one Redis', () => {
  let yahoo: FakeYahoo;
  let finnhub: FakeVendor;
  const replicas: TestApp[] = [];
  beforeAll(async () => {
    [yahoo, finnhub] = await Promise.all([startFakeYahoo(), startFakeFinnhub()]);
    const keyPrefix = `test:${randomUUID()}:`;
    const env = { MARKET_DATA_PROVIDERS: 'finnhub', FINNHUB_API_KEY: FAKE_FINNHUB_KEY, FINNHUB_BASE_URL: finnhub.url, FINNHUB_MAX_PER_DAY: '4' };
    for (let i = 0; i < 3; i++) replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, keyPrefix, env }));
  }, 30_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await Promise.all([yahoo.close(), finnhub.close()]);
  });

  it('lets the replicas together send no more than the quota, then fails with QuotaExceededError', async () => {
    const http = (i: number) => request(replicas[i].app.getHttpServer());
    const { job_id: id } = (await http(0).post('/scheduler/jobs').send({ name: 'q', dataset: 'stock_quotes', stock_ids: ['AAPL'], market_hours_only: false }).expect(201)).body;
    const runs: RunRecord[] = [];
    for (let i = 0; i < 6; i++) {
      await http(i % 3).post(`/scheduler/jobs/${id}/run`).expect(202);
      runs.push((await recordedRuns(replicas[0].app.getHttpServer(), id, i + 1, 20_000))[0]);
    }
    expect(runs.map((run) => run.status)).toEqual(['success', 'success', 'success', 'success', 'failed', 'failed']);
    expect(runs[5].errors[0]).toMatchObject({ kind: 'QuotaExceededError', error: expect.stringContaining("finnhub's daily quota is used up") });
    expect(finnhub.requests).toHaveLength(4);
    expect(await keysUnder(replicas[0].redis!, `${replicas[0].keyPrefix}scheduler:quota:`)).toEqual([`${replicas[0].keyPrefix}scheduler:quota:finnhub:day:requests`, `${replicas[0].keyPrefix}scheduler:quota:finnhub:minute:requests`]);
  });
});

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { useE2eApp } from './support/e2e-context.js';

// The heap is compared after a full collection each time: without one, the figure says when the
// collector last ran (it differs between Node 20 and 24), not what the runs left behind.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapUsed = () => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** Yahoo misbehaving every way at once: each symbol degrades alone, retries stay bounded, the service stays up. */
describe('Yahoo faults (redis store)', () => {
  const ctx = useE2eApp('redis');
  const { http } = ctx;

  it('degrades per symbol through 429 storms, 5xx, garbage and slow answers', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'storm', stock_ids: ['AAPL', 'MSFT', 'NVDA', 'GOOG', 'AMZN', 'BTC-USD'] }).expect(201)).body.job_id;
    const heapBefore = heapUsed();

    ctx.yahoo.override('AAPL', { status: 429, headers: { 'retry-after': '0' }, body: 'Too Many Requests', times: 2 });
    ctx.yahoo.override('MSFT', { status: 200, body: '{"chart": garbage' });
    ctx.yahoo.override('NVDA', { status: 502, body: 'Bad Gateway' });
    ctx.yahoo.override('GOOG', { delayMs: 800 });
    const first = await ctx.runAndWait(id);
    expect(first.status).toBe('partial_success');
    expect(first.fetched_stocks.sort()).toEqual(['AAPL', 'AMZN', 'BTC-USD', 'GOOG']);
    expect(Object.fromEntries(first.errors.map((e) => [e.symbol, [e.kind, e.attempts]]))).toEqual({
      MSFT: ['InvalidResponseError', 1],
      NVDA: ['ProviderUnavailableError', 4],
    });
    expect(first.errors.find((e) => e.symbol === 'NVDA')?.error).toBe(
      `GET ${new URL(ctx.yahoo.url).host}/v8/finance/chart/NVDA failed: HTTP 502 (4 attempts)`,
    );
    const perSymbol = (symbol: string) => ctx.yahoo.requests.filter((r) => r.symbol === symbol).length;
    expect([perSymbol('AAPL'), perSymbol('MSFT'), perSymbol('NVDA'), perSymbol('GOOG')]).toEqual([3, 1, 4, 1]);

    ctx.yahoo.reset();
    for (let count = 2; count <= 4; count++) expect((await ctx.runAndWait(id)).status).toBe('success');

    const health = (await http().get('/health').expect(200)).body;
    expect(health.status).toBe('healthy');
    // Four runs of six symbols must not leave tens of megabytes behind (3.5–4.5 MB here, on Node 20 and 24).
    expect(heapUsed() - heapBefore).toBeLessThan(16 * 1024 * 1024);
  }, 60_000);
});

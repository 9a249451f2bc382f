import { createServer } from 'node:http';
import type { RecordedRequest, RequestKind } from '../../../test/support/fake-yahoo.js';
import { requestLines, useYahooProvider } from '../../../test/support/yahoo-provider-context.js';
import { InvalidResponseError, ProviderUnavailableError, RateLimitedError } from '../provider-errors.js';
import { YahooMarketDataProvider } from './yahoo-market-data.provider.js';

type Call = (provider: YahooMarketDataProvider) => Promise<unknown>;

const CALLS: Array<[string, RequestKind, Call]> = [
  ['fetchQuotes', 'quote', (p) => p.fetchQuotes({ symbols: ['AAPL', 'GOOG'] })],
  ['fetchOptions', 'options', (p) => p.fetchOptions({ symbol: 'AAPL' })],
  ['fetchProfile', 'quoteSummary', (p) => p.fetchProfile({ symbol: 'AAPL' })],
  ['fetchEarnings', 'quoteSummary', (p) => p.fetchEarnings({ symbol: 'AAPL' })],
  ['fetchNews', 'search', (p) => p.fetchNews({ symbol: 'AAPL', count: 4 })],
];
const CRUMB_CALLS = CALLS.filter(([, kind]) => kind !== 'search');
// What Yahoo answers a crumb it no longer honours.
const INVALID_CRUMB = { finance: { result: null, error: { code: 'Unauthorized', description: 'Invalid Crumb' } } };
const kindsOf = (requests: readonly RecordedRequest[]) => requestLines(requests).map((line) => line.split(' ')[0]);

describe('YahooMarketDataProvider dataset failures, through the fake Yahoo', () => {
  const ctx = useYahooProvider();

  describe.each(CALLS)('%s', (_name, kind, call) => {
    it('throws RateLimitedError with Retry-After in ms on 429', async () => {
      ctx.yahoo.override('AAPL', { status: 429, headers: { 'retry-after': '2' }, body: 'Too Many Requests' }, kind);
      await expect(call(ctx.provider)).rejects.toEqual(expect.objectContaining({ name: 'RateLimitedError', retryAfterMs: 2000 }));
    });

    it('throws ProviderUnavailableError on 5xx, and answers once the fault is gone', async () => {
      ctx.yahoo.override('AAPL', { status: 503, times: 1 }, kind);
      const error = await call(ctx.provider).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect(error).toHaveProperty('retryable', true);
      await expect(call(ctx.provider)).resolves.toBeDefined();
    });

    it('throws InvalidResponseError for a body that is not JSON', async () => {
      ctx.yahoo.override('AAPL', { body: '<html>not json' }, kind);
      await expect(call(ctx.provider)).rejects.toBeInstanceOf(InvalidResponseError);
    });
  });

  it.each(CALLS)('%s: throws ProviderUnavailableError when nothing listens at the base URL', async (_name, _kind, call) => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));

    const error = await call(new YahooMarketDataProvider({ baseUrl: `http://127.0.0.1:${port}` })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  describe.each(CRUMB_CALLS)('%s before the crumb is known', (_name, kind, call) => {
    it('fails with the cookie step’s 503 and with the crumb’s 429, then makes both steps again and answers', async () => {
      ctx.yahoo.override('*', { status: 503, times: 1 }, 'cookie');
      await expect(call(ctx.provider)).rejects.toBeInstanceOf(ProviderUnavailableError);
      ctx.yahoo.override('*', { status: 429, times: 1 }, 'crumb');
      await expect(call(ctx.provider)).rejects.toBeInstanceOf(RateLimitedError);

      await expect(call(ctx.provider)).resolves.toBeDefined();
      expect(kindsOf(ctx.yahoo.requests)).toEqual(['cookie', 'cookie', 'crumb', 'cookie', 'crumb', kind]);
    });

    it('fetches a new crumb when Yahoo refuses the cached one, and answers with it', async () => {
      await call(ctx.provider);
      ctx.yahoo.requests.length = 0;
      ctx.yahoo.override('AAPL', { status: 401, body: INVALID_CRUMB, times: 1 }, kind);
      await expect(call(ctx.provider)).resolves.toBeDefined();
      expect(kindsOf(ctx.yahoo.requests)).toEqual([kind, 'cookie', 'crumb', kind]);
    });

    it('fails with the refusal when the new crumb is refused too, asking once more only', async () => {
      await call(ctx.provider);
      ctx.yahoo.requests.length = 0;
      ctx.yahoo.override('AAPL', { status: 401, body: INVALID_CRUMB, times: 2 }, kind);
      await expect(call(ctx.provider)).rejects.toThrow(expect.objectContaining({ name: 'InvalidResponseError', message: expect.stringContaining('Invalid Crumb') }));
      expect(kindsOf(ctx.yahoo.requests)).toEqual([kind, 'cookie', 'crumb', kind]);
    });

    it('throws InvalidResponseError when the cookie step sets no cookie', async () => {
      ctx.yahoo.override('*', { body: '' }, 'cookie');
      await expect(call(ctx.provider)).rejects.toThrow(
        expect.objectContaining({ name: 'InvalidResponseError', message: expect.stringContaining('No set-cookie header') }),
      );
    });
  });
});

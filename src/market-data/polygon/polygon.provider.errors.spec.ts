import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { listenOnLoopback } from '../../../test/support/fake-vendor.js';
import { FAKE_POLYGON_KEY, polygonFixture } from '../../../test/support/fake-polygon.js';
import { usePolygonProvider } from '../../../test/support/polygon-provider-context.js';
import {
  DatasetUnsupportedError,
  InvalidResponseError,
  ProviderAuthError,
  ProviderUnavailableError,
  RateLimitedError,
  SymbolNotFoundError,
} from '../provider-errors.js';
import { PolygonMarketDataProvider } from './polygon.provider.js';

/** What the call rejected with; a call that succeeds fails the test. */
const failureOf = (call: Promise<unknown>): Promise<Error> =>
  call.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );
const profileOf = (provider: PolygonMarketDataProvider, symbol = 'AAPL') => failureOf(provider.fetchProfile({ symbol }));

describe('PolygonMarketDataProvider failures', () => {
  const context = usePolygonProvider();

  it('a wrong key is ProviderAuthError with Polygon\'s text, the key in no message, URL or error field', async () => {
    const wrongKey = 'wrong-key-never-to-be-seen-31337';
    const wrong = new PolygonMarketDataProvider({ apiKey: wrongKey, baseUrl: context.polygon.url });

    const error = await profileOf(wrong);

    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).toBe(`Polygon GET ${new URL(context.polygon.url).host}/v3/reference/tickers/AAPL refused the API key: HTTP 401: Unknown API Key`);
    expect(inspect(error, { depth: 10 })).not.toContain(wrongKey);
    expect(context.polygon.requests[0].pathname + JSON.stringify(context.polygon.requests[0].query)).not.toContain(wrongKey);
  });

  it('a 403 NOT_AUTHORIZED (the plan lacks the data) is DatasetUnsupportedError, not an auth failure', async () => {
    context.polygon.override('options', '*', { status: 403, body: polygonFixture('error-not-authorized') });

    await expect(context.provider.fetchOptions({ symbol: 'AAPL' })).rejects.toThrow(DatasetUnsupportedError);
    await expect(context.provider.fetchOptions({ symbol: 'AAPL' })).rejects.toThrow(/refused by the plan: HTTP 403: You are not entitled to this data/);
  });

  it('a 403 without NOT_AUTHORIZED is ProviderAuthError', async () => {
    context.polygon.override('profile', '*', { status: 403, body: polygonFixture('error-unknown-api-key') });

    expect(await profileOf(context.provider)).toBeInstanceOf(ProviderAuthError);
  });

  it('a 429 is RateLimitedError carrying Retry-After', async () => {
    context.polygon.override('chart', '*', { status: 429, headers: { 'retry-after': '12' }, body: polygonFixture('error-rate-limited') });

    const error = await failureOf(
      context.provider.fetchChart({ symbol: 'AAPL', interval: '1m', from: new Date('2020-01-02T14:30:00Z'), to: new Date('2020-01-02T15:00:00Z') }),
    );

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(12_000);
  });

  it('a 429 without Retry-After has no delay', async () => {
    context.polygon.override('quote', '*', { status: 429, body: polygonFixture('error-rate-limited') });

    const error = await failureOf(context.provider.fetchQuotes({ symbols: ['AAPL'] }));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBeNull();
  });

  it('an unknown ticker (404 NOT_FOUND) is SymbolNotFoundError', async () => {
    const error = await profileOf(context.provider, 'ZZZZ');

    expect(error).toBeInstanceOf(SymbolNotFoundError);
    expect(error.message).toMatch(/HTTP 404: Ticker not found\.$/);
  });

  it('a 5xx is ProviderUnavailableError naming method, host and path but not the query', async () => {
    context.polygon.override('news', '*', { status: 503, body: 'Service Unavailable' });

    const error = await failureOf(context.provider.fetchNews({ symbol: 'AAPL', count: 3 }));

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toBe(`Polygon GET ${new URL(context.polygon.url).host}/v2/reference/news failed: HTTP 503`);
  });

  it('a body that is not JSON is InvalidResponseError', async () => {
    context.polygon.override('profile', '*', { body: '<html>maintenance</html>' });

    expect(await profileOf(context.provider)).toBeInstanceOf(InvalidResponseError);
  });

  it('a 400 is InvalidResponseError with Polygon\'s text', async () => {
    context.polygon.override('chart', '*', { status: 400, body: { status: 'ERROR', request_id: 'x', error: 'Could not parse the time parameter: \'from\'.' } });

    await expect(context.provider.fetchChart({ symbol: 'AAPL', interval: '1d', from: new Date('2020-01-01'), to: new Date('2020-01-04') })).rejects.toThrow(
      InvalidResponseError,
    );
  });

  it('a refused connection is ProviderUnavailableError', async () => {
    const closed = await listenOnLoopback(() => undefined);
    await closed.close();
    const offline = new PolygonMarketDataProvider({ apiKey: FAKE_POLYGON_KEY, baseUrl: closed.url });

    const error = await profileOf(offline);

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toMatch(/^Polygon GET 127\.0\.0\.1:\d+\/v3\/reference\/tickers\/AAPL failed: connect ECONNREFUSED$/);
    expect(inspect(error, { depth: 10 })).not.toContain(FAKE_POLYGON_KEY);
  });

  it('a server that does not answer within timeoutMs is ProviderUnavailableError', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const slow = new PolygonMarketDataProvider({ apiKey: FAKE_POLYGON_KEY, baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 });

    try {
      const error = await profileOf(slow);
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect(error.message).toMatch(/failed: timeout of 100ms exceeded/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const counting: typeof fetch = (input, init) => {
      // axios's fetch adapter hands over a Request.
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    const withFetch = new PolygonMarketDataProvider({ apiKey: FAKE_POLYGON_KEY, baseUrl: context.polygon.url, fetch: counting });

    await withFetch.fetchProfile({ symbol: 'AAPL' });

    expect(seen).toEqual([`${context.polygon.url}/v3/reference/tickers/AAPL`]);
  });
});

import { jest } from '@jest/globals';
import { ProviderUnavailableError, RateLimitedError } from '../provider-errors.js';
import { createYahooFetch, rewriteOrigin } from './yahoo-fetch.js';

const CHART_URL =
  'https://query2.finance.yahoo.com/v8/finance/chart/BTC-USD?useYfid=true&interval=1d&events=div%7Csplit&period1=1577836800';

describe('rewriteOrigin', () => {
  it('swaps scheme, host and port and keeps path and query byte for byte', () => {
    expect(rewriteOrigin(CHART_URL, 'http://127.0.0.1:4010')).toBe(
      'http://127.0.0.1:4010/v8/finance/chart/BTC-USD?useYfid=true&interval=1d&events=div%7Csplit&period1=1577836800',
    );
  });

  it('redirects every Yahoo host and ignores a path or trailing slash in the base URL', () => {
    expect(rewriteOrigin('https://query1.finance.yahoo.com/v1/test/getcrumb', 'http://localhost:9/ignored/')).toBe(
      'http://localhost:9/v1/test/getcrumb',
    );
    expect(rewriteOrigin('https://finance.yahoo.com/quote/AAPL', 'https://proxy.internal')).toBe(
      'https://proxy.internal/quote/AAPL',
    );
    expect(rewriteOrigin('https://query2.finance.yahoo.com//evil.example/x', 'http://127.0.0.1:1')).toBe(
      'http://127.0.0.1:1//evil.example/x',
    );
  });
});

type Send = (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<Response>;

function stubFetch(answer: (init?: RequestInit) => Promise<Response>) {
  const send = jest.fn<Send>((_input, init) => answer(init));
  return { send, fetch: send as unknown as typeof fetch };
}

const hang = (init?: RequestInit) =>
  new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));

describe('createYahooFetch', () => {
  it('sends to the base URL with the library’s init and a signal', async () => {
    const { send, fetch } = stubFetch(async () => new Response('{}'));
    const yahooFetch = createYahooFetch({ baseUrl: 'http://127.0.0.1:4010', fetch, timeoutMs: 1000 });

    const response = await yahooFetch(CHART_URL, { headers: { cookie: 'a=b' } });

    expect(response.status).toBe(200);
    const [input, init] = send.mock.calls[0];
    expect(input).toBe(rewriteOrigin(CHART_URL, 'http://127.0.0.1:4010'));
    expect(init?.headers).toEqual({ cookie: 'a=b' });
    expect(init?.signal).toBeDefined();
  });

  it('leaves the URL alone without a base URL', async () => {
    const { send, fetch } = stubFetch(async () => new Response('{}'));
    await createYahooFetch({ baseUrl: null, fetch, timeoutMs: 1000 })(CHART_URL);
    expect(send.mock.calls[0][0]).toBe(CHART_URL);
  });

  it('aborts after timeoutMs with ProviderUnavailableError', async () => {
    const { fetch } = stubFetch(hang);
    const started = Date.now();
    const error = await createYahooFetch({ baseUrl: null, fetch, timeoutMs: 50 })(CHART_URL).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toContain('no answer within 50 ms');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('still honours a signal from the caller', async () => {
    const { fetch } = stubFetch(hang);
    const caller = new AbortController();
    const pending = createYahooFetch({ baseUrl: null, fetch, timeoutMs: 60_000 })(CHART_URL, { signal: caller.signal });
    caller.abort();
    await expect(pending).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it('turns a network failure into ProviderUnavailableError naming method, host, path and the reason', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:443'), { code: 'ECONNREFUSED', syscall: 'connect' }),
    });
    const { fetch } = stubFetch(() => Promise.reject(refused));
    const error = await createYahooFetch({ baseUrl: null, fetch, timeoutMs: 1000 })(CHART_URL, { headers: { cookie: 'B=secret' } }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toBe('GET query2.finance.yahoo.com/v8/finance/chart/BTC-USD failed: connect ECONNREFUSED');
    expect((error as Error).cause).toBe(refused);
  });

  it('names the base URL’s host and port when one is set, and never the query string', async () => {
    const { fetch } = stubFetch(async () => new Response('oops', { status: 503 }));
    const error = await createYahooFetch({ baseUrl: 'http://127.0.0.1:4010', fetch, timeoutMs: 1000 })(new URL(CHART_URL), {
      method: 'POST',
    }).catch((e: unknown) => e);

    expect((error as Error).message).toBe('POST 127.0.0.1:4010/v8/finance/chart/BTC-USD failed: HTTP 503');
    const timedOut = await createYahooFetch({ baseUrl: 'http://127.0.0.1:4010', fetch: stubFetch(hang).fetch, timeoutMs: 20 })(
      new Request(CHART_URL),
    ).catch((e: unknown) => e);
    expect((timedOut as Error).message).toBe('GET 127.0.0.1:4010/v8/finance/chart/BTC-USD failed: no answer within 20 ms');
  });

  it('turns 429 into RateLimitedError carrying Retry-After, and 5xx into ProviderUnavailableError', async () => {
    const rateLimited = new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '7' } });
    const limited = await createYahooFetch({ baseUrl: null, fetch: stubFetch(async () => rateLimited).fetch, timeoutMs: 1000 })(
      CHART_URL,
    ).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toHaveProperty('retryAfterMs', 7000);
    expect((limited as Error).message).toBe('GET query2.finance.yahoo.com/v8/finance/chart/BTC-USD failed: HTTP 429 (rate limited)');
    expect(rateLimited.bodyUsed || rateLimited.body?.locked).toBe(true);

    const down = stubFetch(async () => new Response('oops', { status: 503 })).fetch;
    await expect(createYahooFetch({ baseUrl: null, fetch: down, timeoutMs: 1000 })(CHART_URL)).rejects.toBeInstanceOf(
      ProviderUnavailableError,
    );
  });

  it('passes other statuses through for the library to read the body', async () => {
    const notFound = stubFetch(async () => new Response('{"chart":{}}', { status: 404 })).fetch;
    const response = await createYahooFetch({ baseUrl: null, fetch: notFound, timeoutMs: 1000 })(CHART_URL);
    expect(response.status).toBe(404);
    await expect(response.text()).resolves.toBe('{"chart":{}}');
  });

  it('answers the Set-Cookie headers as an Array of this realm, which yahoo-finance2 checks with instanceof', async () => {
    const headers = new Headers([['set-cookie', 'a=1; Path=/'], ['set-cookie', 'b=2; Path=/']]);
    // Under Jest, undici's own array is another realm's: the library would drop the cookies.
    const withCookies = stubFetch(async () => new Response('', { headers })).fetch;

    const response = await createYahooFetch({ baseUrl: null, fetch: withCookies, timeoutMs: 1000 })('https://finance.yahoo.com/quote/AAPL');

    const cookies = response.headers.getSetCookie();
    expect(cookies instanceof Array).toBe(true);
    expect(cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });
});

import { FAKE_FINNHUB_KEY, finnhubFixture } from '../../../test/support/fake-finnhub.js';
import { listenOnLoopback, type VendorOverride } from '../../../test/support/fake-vendor.js';
import { useFinnhubProvider } from '../../../test/support/finnhub-provider-context.js';
import {
  DatasetUnsupportedError,
  InvalidResponseError,
  ProviderAuthError,
  ProviderError,
  ProviderUnavailableError,
  QuotaExceededError,
  RateLimitedError,
} from '../provider-errors.js';
import { FinnhubMarketDataProvider } from './finnhub.provider.js';

const WEEK = { from: new Date('2020-06-01T00:00:00Z'), to: new Date('2020-06-07T00:00:00Z'), countries: [] };

async function failureOf(call: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe('FinnhubMarketDataProvider failures', () => {
  const finnhub = useFinnhubProvider();

  it('a wrong key gets the 401 invalid-key answer: ProviderAuthError, naming the request but not the key', async () => {
    const wrongKey = 'wrong-key-7f3a9b';
    const wrong = new FinnhubMarketDataProvider({ apiKey: wrongKey, baseUrl: finnhub.fake.url });
    const error = await failureOf(wrong.fetchQuotes({ symbols: ['AAPL'] }));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).toBe(`GET ${new URL(finnhub.fake.url).host}/api/v1/quote refused the Finnhub API key (HTTP 401: Invalid API key.)`);
    expect(error.message).not.toContain(wrongKey);
  });

  const shapes: Array<[string, VendorOverride, new (...args: never[]) => ProviderError]> = [
    ["403 You don't have access to this resource. (a premium endpoint)", { status: 403, body: finnhubFixture('error-403-no-access.json') }, DatasetUnsupportedError],
    ['the same refusal with 401, as some endpoints send it', { status: 401, body: finnhubFixture('error-403-no-access.json') }, DatasetUnsupportedError],
    ['429 API limit reached', { status: 429, body: finnhubFixture('error-429-limit-reached.json') }, RateLimitedError],
    ['429 asking to sign up, the keyless answer', { status: 429, body: finnhubFixture('error-429-no-token.json') }, ProviderAuthError],
    ['a 200 carrying the limit error', { body: finnhubFixture('error-429-limit-reached.json') }, RateLimitedError],
    ['503', { status: 503, body: 'Service Unavailable' }, ProviderUnavailableError],
    ['502 from the CDN', { status: 502, body: '<html>Bad gateway</html>' }, ProviderUnavailableError],
    ['a body that is not JSON', { body: '<html>maintenance</html>' }, InvalidResponseError],
  ];

  it.each(shapes)('%s → its typed error, naming the request, not the key or query', async (_shape, answer, type) => {
    finnhub.fake.override('economic_calendar', '*', answer);
    const error = await failureOf(finnhub.provider.fetchEconomicEvents(WEEK));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toContain(`${new URL(finnhub.fake.url).host}/api/v1/calendar/economic`);
    expect(error.message).not.toContain(FAKE_FINNHUB_KEY);
    expect(error.message).not.toContain('from=');
  });

  it('an answer of another shape → InvalidResponseError', async () => {
    finnhub.fake.override('profile', 'AAPL', { body: [] });
    await expect(finnhub.provider.fetchProfile({ symbol: 'AAPL' })).rejects.toThrow(new InvalidResponseError("Finnhub's profile2 answer for AAPL is not an object"));
    finnhub.fake.override('economic_calendar', '*', { body: {} });
    await expect(finnhub.provider.fetchEconomicEvents(WEEK)).rejects.toThrow(InvalidResponseError);
  });

  it('429 carries Retry-After in ms', async () => {
    finnhub.fake.override('quote', 'AAPL', { status: 429, headers: { 'retry-after': '7' }, body: finnhubFixture('error-429-limit-reached.json') });
    const error = await failureOf(finnhub.provider.fetchQuotes({ symbols: ['AAPL'] }));
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(7000);
  });

  it('a refusal of one symbol in a quote batch fails the batch, after the symbols before it only', async () => {
    finnhub.fake.override('quote', 'MSFT', { status: 429, body: finnhubFixture('error-429-limit-reached.json') });
    await expect(finnhub.provider.fetchQuotes({ symbols: ['AAPL', 'MSFT', 'IBM'] })).rejects.toThrow(RateLimitedError);
    expect(finnhub.fake.requests.map((r) => r.query.symbol)).toEqual(['AAPL', 'MSFT']);
  });

  it('sends every request through its fetch, and what that throws (a used-up quota) fails the call unsent', async () => {
    let asked = 0;
    const counting: typeof fetch = (input, init) => {
      asked++;
      return fetch(input, init);
    };
    const counted = new FinnhubMarketDataProvider({ apiKey: FAKE_FINNHUB_KEY, baseUrl: finnhub.fake.url, fetch: counting });
    await counted.fetchQuotes({ symbols: ['AAPL', 'MSFT'] });
    await counted.fetchEarnings({ symbol: 'AAPL' });
    expect(asked).toBe(4);
    expect(finnhub.fake.requests).toHaveLength(4);
    const refused = new FinnhubMarketDataProvider({ apiKey: FAKE_FINNHUB_KEY, baseUrl: finnhub.fake.url, fetch: () => Promise.reject(new QuotaExceededError('finnhub: 60 a minute used')) });
    await expect(refused.fetchProfile({ symbol: 'AAPL' })).rejects.toThrow(QuotaExceededError);
    expect(finnhub.fake.requests).toHaveLength(4);
  });

  it('a server that does not answer within timeoutMs → ProviderUnavailableError', async () => {
    const silent = await listenOnLoopback(() => undefined);
    try {
      const slow = new FinnhubMarketDataProvider({ apiKey: FAKE_FINNHUB_KEY, baseUrl: silent.url, timeoutMs: 100 });
      const error = await failureOf(slow.fetchProfile({ symbol: 'AAPL' }));
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect(error.message).toBe(`GET ${new URL(silent.url).host}/api/v1/stock/profile2 failed: no answer within 100 ms`);
    } finally {
      await silent.close();
    }
  });

  it('a refused connection → ProviderUnavailableError', async () => {
    const gone = await listenOnLoopback(() => undefined);
    await gone.close();
    const error = await failureOf(new FinnhubMarketDataProvider({ apiKey: FAKE_FINNHUB_KEY, baseUrl: gone.url }).fetchNews({ symbol: 'AAPL', count: 5 }));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toBe(`GET ${new URL(gone.url).host}/api/v1/company-news failed: connect ECONNREFUSED`);
    expect(error.message).not.toContain(FAKE_FINNHUB_KEY);
  });
});

import { alphaVantageFixture, FAKE_ALPHA_VANTAGE_KEY, startFakeAlphaVantage } from '../../../test/support/fake-alpha-vantage.js';
import { listenOnLoopback, type FakeVendor } from '../../../test/support/fake-vendor.js';
import {
  InvalidResponseError,
  ProviderAuthError,
  type ProviderError,
  ProviderUnavailableError,
  QuotaExceededError,
  RateLimitedError,
  SymbolNotFoundError,
} from '../provider-errors.js';
import { AlphaVantageMarketDataProvider } from './alpha-vantage.provider.js';

// Each documented failure shape of Alpha Vantage (HTTP 200 bodies, statuses, transport) → its typed
// error, through the fake over real HTTP; the key is in every query and in no error message.

const KEY = FAKE_ALPHA_VANTAGE_KEY;
let fake: FakeVendor;

const provider = (options: { apiKey?: string; baseUrl?: string; timeoutMs?: number } = {}) =>
  new AlphaVantageMarketDataProvider({ apiKey: KEY, baseUrl: fake.url, now: () => Date.parse('2025-09-08T12:00:00Z'), ...options });
const daily = (p = provider()) => p.fetchChart({ symbol: 'IBM', interval: '1d', from: new Date('2025-09-01'), to: new Date('2025-09-06') });

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as ProviderError,
  );
  if (error === null) throw new Error('expected a failure');
  // Neither the message nor anything the error carries names the key.
  expect(error.message).not.toContain(KEY);
  expect(JSON.stringify({ ...error, message: error.message, cause: String(error.cause) })).not.toContain(KEY);
  expect(error.message).not.toContain('apikey=');
  return error;
}

beforeAll(async () => {
  fake = await startFakeAlphaVantage();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('HTTP 200 refusal bodies', () => {
  it.each([
    ['error-invalid-apikey.json', ProviderAuthError],
    ['information-invalid-apikey.json', ProviderAuthError],
    ['information-daily-limit.json', QuotaExceededError],
    ['information-premium-endpoint.json', QuotaExceededError],
    ['information-premium-outputsize.json', QuotaExceededError],
    ['error-invalid-api-call.json', SymbolNotFoundError],
  ])('%s → %p', async (fixture, type) => {
    fake.override('daily', '*', { body: alphaVantageFixture(fixture) });
    const error = await failureOf(daily());
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(/^(Alpha Vantage has no IBM: )?Alpha Vantage TIME_SERIES_DAILY for IBM \(GET 127\.0\.0\.1:\d+\/query\)/);
  });

  it.each([
    ['information-burst-limit.json', 1_000],
    ['note-per-minute-limit.json', 60_000],
  ])('%s → RateLimitedError retrying after %d ms', async (fixture, retryAfterMs) => {
    fake.override('daily', '*', { body: alphaVantageFixture(fixture) });
    const error = await failureOf(daily());
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(retryAfterMs);
  });

  it('a key the fake does not know gets the documented refusal: ProviderAuthError, naming neither key', async () => {
    const error = await failureOf(daily(provider({ apiKey: 'wrong-key-93ab' })));
    expect(error).toBeInstanceOf(ProviderAuthError);
    expect(error.message).not.toContain('wrong-key-93ab');
    expect(fake.requests[0].query.apikey).toBe('wrong-key-93ab');
  });

  it('masks the key Alpha Vantage quotes back in its daily-limit text', async () => {
    const quoting = (request: { query: Record<string, string> }) => ({
      Information: `We have detected your API key as ${request.query.apikey} and our standard API rate limit is 25 requests per day.`,
    });
    fake.override('quote', '*', { body: quoting });
    const error = await failureOf(provider().fetchQuotes({ symbols: ['MSFT'] }));
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error.message).toContain('We have detected your API key as *** and');
  });

  it('a refusal of EARNINGS_CALENDAR (JSON where CSV is due) is typed too', async () => {
    fake.override('earnings_calendar', '*', { body: alphaVantageFixture('information-burst-limit.json') });
    expect(await failureOf(provider().fetchEarnings({ symbol: 'IBM' }))).toBeInstanceOf(RateLimitedError);
  });

  it('a rate limit on one symbol of a quote batch fails the batch', async () => {
    fake.override('quote', 'NOPE', { body: alphaVantageFixture('note-per-minute-limit.json') });
    expect(await failureOf(provider().fetchQuotes({ symbols: ['MSFT', 'NOPE'] }))).toBeInstanceOf(RateLimitedError);
  });
});

describe('statuses and bodies', () => {
  it.each([
    [{ status: 429, headers: { 'retry-after': '7' } }, RateLimitedError],
    [{ status: 503 }, ProviderUnavailableError],
    [{ status: 401 }, ProviderAuthError],
    [{ status: 403 }, ProviderAuthError],
    [{ status: 404 }, InvalidResponseError],
    [{ body: 'upstream <html> garbage' }, InvalidResponseError],
    [{ body: [1, 2] }, InvalidResponseError],
    [{ body: { 'Meta Data': {} } }, InvalidResponseError],
  ])('%j → %p', async (answer, type) => {
    fake.override('daily', '*', answer);
    const error = await failureOf(daily());
    expect(error).toBeInstanceOf(type);
    if (error instanceof RateLimitedError) expect(error.retryAfterMs).toBe(7_000);
  });
});

describe('transport', () => {
  it('no answer within timeoutMs → ProviderUnavailableError naming the wait', async () => {
    const silent = await listenOnLoopback(() => undefined);
    try {
      const error = await failureOf(daily(provider({ baseUrl: silent.url, timeoutMs: 100 })));
      expect(error).toBeInstanceOf(ProviderUnavailableError);
      expect(error.message).toMatch(/^Alpha Vantage TIME_SERIES_DAILY for IBM \(GET 127\.0\.0\.1:\d+\/query\) failed: no answer within 100 ms$/);
    } finally {
      await silent.close();
    }
  });

  it('a refused connection → ProviderUnavailableError', async () => {
    const closed = await listenOnLoopback(() => undefined);
    await closed.close();
    const error = await failureOf(daily(provider({ baseUrl: closed.url })));
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error.message).toMatch(/failed: connect ECONNREFUSED$/);
  });
});

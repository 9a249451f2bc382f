import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createServer } from 'node:net';
import { startFakeYahoo, type FakeYahoo } from '../../../test/support/fake-yahoo.js';
import {
  InvalidResponseError,
  ProviderUnavailableError,
  RateLimitedError,
  SymbolNotFoundError,
} from '../provider-errors.js';
import { YahooMarketDataProvider } from './yahoo-market-data.provider.js';

const TIMEOUT_MS = 400;
const daily = (symbol: string, from = '2020-01-01', to = '2020-01-03') => ({
  symbol,
  interval: '1d',
  from: new Date(`${from}T00:00:00Z`),
  to: new Date(`${to}T00:00:00Z`),
});

describe('YahooMarketDataProvider failures, through the fake Yahoo server', () => {
  let yahoo: FakeYahoo;
  let provider: YahooMarketDataProvider;

  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    yahoo = await startFakeYahoo();
    provider = new YahooMarketDataProvider({ baseUrl: yahoo.url, timeoutMs: TIMEOUT_MS });
  });
  afterEach(() => yahoo.reset());
  afterAll(() => yahoo.close());

  it('throws SymbolNotFoundError for an unknown symbol', async () => {
    await expect(provider.fetchChart(daily('NOSUCHSYMBOL'))).rejects.toBeInstanceOf(SymbolNotFoundError);
    expect(yahoo.requests.map((r) => r.pathname)).toEqual(['/v8/finance/chart/NOSUCHSYMBOL']);
  });

  it.each([
    ['plain 500', { status: 500 }],
    ['503 with a Yahoo JSON error', { status: 503, body: { chart: { result: null, error: { code: 'x', description: 'y' } } } }],
  ])('throws ProviderUnavailableError on %s', async (_, response) => {
    yahoo.override('AAPL', response);
    const error = await provider.fetchChart(daily('AAPL')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(error).toHaveProperty('retryable', true);
  });

  it('throws RateLimitedError with Retry-After in ms on 429', async () => {
    yahoo.override('AAPL', { status: 429, headers: { 'retry-after': '2' }, body: 'Too Many Requests' });
    await expect(provider.fetchChart(daily('AAPL'))).rejects.toEqual(expect.any(RateLimitedError));
    await expect(provider.fetchChart(daily('AAPL'))).rejects.toHaveProperty('retryAfterMs', 2000);

    yahoo.override('AAPL', { status: 429, body: 'Too Many Requests' });
    await expect(provider.fetchChart(daily('AAPL'))).rejects.toHaveProperty('retryAfterMs', null);
  });

  it('gives up with ProviderUnavailableError once timeoutMs has passed', async () => {
    yahoo.override('AAPL', { delayMs: 5_000 });
    const started = Date.now();
    const error = await provider.fetchChart(daily('AAPL')).catch((e: unknown) => e);
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toContain(`${TIMEOUT_MS} ms`);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
  });

  it('throws ProviderUnavailableError when nothing listens at the base URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));

    const offline = new YahooMarketDataProvider({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await offline.fetchChart(daily('AAPL')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect((error as Error).message).toContain('ECONNREFUSED');
  });

  it('throws InvalidResponseError for a garbage body, a null-currency answer and a non-JSON 403', async () => {
    yahoo.override('AAPL', { body: '<html>not json' });
    await expect(provider.fetchChart(daily('AAPL'))).rejects.toBeInstanceOf(InvalidResponseError);

    await expect(provider.fetchChart(daily('LUCYW', '2024-01-01', '2024-01-02'))).rejects.toThrow(
      expect.objectContaining({ name: 'InvalidResponseError', message: expect.stringContaining('/meta/currency') }),
    );

    // yahoo-finance2 prints the URL of every non-JSON, non-OK answer with console.error.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    yahoo.override('AAPL', { status: 403, body: 'Forbidden' });
    await expect(provider.fetchChart(daily('AAPL'))).rejects.toBeInstanceOf(InvalidResponseError);
    consoleError.mockRestore();
  });

  it('recovers after a transient fault', async () => {
    yahoo.override('GOOG', { status: 502, times: 1 });
    await expect(provider.fetchChart(daily('GOOG'))).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect((await provider.fetchChart(daily('GOOG'))).bars).toHaveLength(1);
  });
});

import { startFakeYahoo, type FakeYahoo } from '../../../test/support/fake-yahoo.js';
import type { BarRequest } from '../market-data-provider.js';
import { ProviderUnavailableError, RateLimitedError, SymbolNotFoundError } from '../provider-errors.js';
import { YahooMarketDataProvider } from '../yahoo/yahoo-market-data.provider.js';
import { peakPerWindow } from '../../../test/support/peak-per-window.js';
import { attemptsOf, ResilientProvider, type ResilienceOptions } from './resilient-provider.js';

const request = (symbol: string): BarRequest => ({ symbol, interval: '1d', from: new Date('2020-08-31'), to: new Date('2020-11-07') });

describe('ResilientProvider (real yahoo-finance2 client, local fake Yahoo)', () => {
  let yahoo: FakeYahoo;
  const make = (options: Partial<ResilienceOptions> = {}) =>
    new ResilientProvider(new YahooMarketDataProvider({ baseUrl: yahoo.url, timeoutMs: 2000 }), {
      maxRps: 1000,
      retries: 3,
      minDelayMs: 10,
      maxDelayMs: 50,
      ...options,
    });
  const hits = (symbol: string) => yahoo.requests.filter((r) => r.symbol === symbol);

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
  });
  afterEach(() => yahoo.reset());
  afterAll(() => yahoo.close());

  it('retries transient 5xx answers and then succeeds', async () => {
    yahoo.override('AAPL', { status: 503, times: 2 });
    const retries: number[] = [];
    const { bars } = await make({ onRetry: ({ attempt }) => retries.push(attempt) }).fetchChart!(request('AAPL'));
    expect(bars).toHaveLength(49);
    expect(hits('AAPL')).toHaveLength(3);
    expect(retries).toEqual([1, 2]);
  });

  it('gives up after the retries, keeping the typed error and counting the attempts', async () => {
    yahoo.override('AAPL', { status: 500 });
    const error = await make({ retries: 2 }).fetchChart!(request('AAPL')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    expect(attemptsOf(error)).toBe(3);
    expect(hits('AAPL')).toHaveLength(3);
  });

  it('never retries a permanent failure', async () => {
    const error = await make().fetchChart!(request('NOSUCH')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SymbolNotFoundError);
    expect(attemptsOf(error)).toBe(1);
    expect(hits('NOSUCH')).toHaveLength(1);
  });

  it('waits at least the Retry-After of a 429 before trying again', async () => {
    yahoo.override('MSFT', { status: 429, headers: { 'retry-after': '1' }, body: 'Too Many Requests', times: 1 });
    expect((await make().fetchChart!(request('MSFT'))).bars).toHaveLength(252);
    const [first, second] = hits('MSFT');
    expect(second.time - first.time).toBeGreaterThanOrEqual(990);
  });

  it('reports a 429 that never clears as RateLimitedError', async () => {
    yahoo.override('MSFT', { status: 429, body: 'Too Many Requests' });
    const error = await make({ retries: 1 }).fetchChart!(request('MSFT')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(attemptsOf(error)).toBe(2);
  });

  it('holds every caller together to the request rate', async () => {
    const provider = make({ maxRps: 5 });
    const started = Date.now();
    const batch = () => Promise.all(Array.from({ length: 6 }, () => provider.fetchChart!(request('GOOG'))));
    await Promise.all([batch(), batch()]);
    expect(hits('GOOG')).toHaveLength(12);
    expect(peakPerWindow(hits('GOOG').map((r) => r.time), 1000)).toBeLessThanOrEqual(5);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('supports rates below one request per second', async () => {
    const provider = make({ maxRps: 0.5 });
    await Promise.all([provider.fetchChart!(request('GOOG')), provider.fetchChart!(request('GOOG'))]);
    const [first, second] = hits('GOOG');
    expect(second.time - first.time).toBeGreaterThanOrEqual(1900);
  });
});

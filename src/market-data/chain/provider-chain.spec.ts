import { Logger } from '@nestjs/common';
import { startFakeFinnhub, FAKE_FINNHUB_KEY } from '../../../test/support/fake-finnhub.js';
import type { FakeVendor } from '../../../test/support/fake-vendor.js';
import { startFakeYahoo, type FakeYahoo } from '../../../test/support/fake-yahoo.js';
import { SchedulerMetrics } from '../../metrics/scheduler-metrics.js';
import { SchedulerEvents } from '../../scheduler/events/scheduler-events.js';
import { MemoryEventLog } from '../../storage/memory/memory-event-log.js';
import { resolveOptions } from '../../scheduler/scheduler-options.js';
import type { MarketDataProvider } from '../market-data-provider.js';
import { ProviderAuthError, SymbolNotFoundError } from '../provider-errors.js';
import { buildProviderChain } from './build-chain.js';
import { ProviderCatalog } from './provider-catalog.js';
import { ProviderHealth } from './provider-health.js';
import type { ProviderChain } from './provider-chain.js';
import { sourceOf, triedOf } from './served-by.js';

describe('ProviderChain: Yahoo, then Finnhub, through their fakes', () => {
  let yahoo: FakeYahoo;
  let finnhub: FakeVendor;
  let metrics: SchedulerMetrics;
  let events: SchedulerEvents;
  let unavailable: object[];
  beforeAll(async () => {
    Logger.overrideLogger(['fatal']);
    [yahoo, finnhub] = await Promise.all([startFakeYahoo(), startFakeFinnhub()]);
  });
  afterAll(() => Promise.all([yahoo.close(), finnhub.close()]));
  beforeEach(() => {
    yahoo.reset();
    finnhub.reset();
    metrics = new SchedulerMetrics();
    events = new SchedulerEvents(new MemoryEventLog());
    unavailable = [];
    events.onLocal((type, detail) => void (type === 'provider.unavailable' && unavailable.push(detail)));
  });

  const chain = (finnhubKey = FAKE_FINNHUB_KEY, faults = 5, coolDownMs = 60_000): MarketDataProvider =>
    buildProviderChain(
      resolveOptions({
        yahoo: { baseUrl: yahoo.url, retries: 1, retryMinDelayMs: 1, maxRps: 1000 },
        providers: { chain: ['yahoo', 'finnhub'], finnhub: { apiKey: finnhubKey, baseUrl: finnhub.url }, breaker: { faults, coolDownMs } },
      }),
      { metrics, health: new ProviderHealth(metrics, events), catalog: new ProviderCatalog() },
      null,
    );
  const yahooCalls = (kind: string) => yahoo.requests.filter((r) => r.kind === kind).length;

  it('answers from Yahoo while it serves, without asking Finnhub, and says so', async () => {
    const profile = await chain().fetchProfile!({ symbol: 'AAPL' });
    expect(profile.name).toBe('Apple Inc.');
    expect(sourceOf(profile)).toBe('yahoo');
    expect(finnhub.requests).toEqual([]);
  });

  it('asks Finnhub for the quotes of a batch Yahoo failed (503 after its retries)', async () => {
    yahoo.override('*', { status: 503 }, 'quote');
    const answer = await chain().fetchQuotes!({ symbols: ['AAPL'] });
    expect(answer.AAPL).toMatchObject({ price: 261.74, previous_close: 259.45, time: 1582641000 * 1000 });
    expect(sourceOf(answer.AAPL)).toBe('finnhub');
    expect(yahooCalls('quote')).toBe(2);
    expect(finnhub.requests.map((r) => `${r.kind} ${r.symbols}`)).toEqual(['quote AAPL']);
  });

  it('asks Finnhub for a symbol Yahoo does not know, and fails it as unknown only when neither knows it', async () => {
    yahoo.override('AAPL', { status: 404, body: { quoteSummary: { result: null, error: { code: 'Not Found', description: 'Quote not found for symbol: AAPL' } } } }, 'quoteSummary');
    const profile = await chain().fetchProfile!({ symbol: 'AAPL' });
    expect(sourceOf(profile)).toBe('finnhub');
    const error = await chain().fetchProfile!({ symbol: 'NOPE' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SymbolNotFoundError);
    expect((error as Error).message).toMatch(/^no provider knows NOPE: yahoo: .*; finnhub: /);
    expect(triedOf(error)).toEqual({ provider: 'finnhub', tried: ['yahoo', 'finnhub'] });
  });

  it('takes a provider that refuses the key out of the chain, without asking it again', async () => {
    yahoo.override('*', { status: 503 }, 'quoteSummary');
    const providers = chain('wrong-key');
    const first = await providers.fetchProfile!({ symbol: 'AAPL' }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ProviderAuthError);
    expect((first as Error).message).toContain('yahoo: ');
    expect([...(providers as ProviderChain).outOfService().keys()]).toEqual(['finnhub']);
    await providers.fetchProfile!({ symbol: 'AAPL' }).catch(() => undefined);
    expect(finnhub.requests).toHaveLength(1);
    await expect(providers.fetchProfile!({ symbol: 'AAPL', providers: ['finnhub'] })).rejects.toThrow('no provider left for fetchProfile(): finnhub refused its credentials');
    expect(JSON.stringify(first)).not.toContain('wrong-key');
    expect(unavailable).toEqual([{ provider: 'finnhub', reason: expect.stringMatching(/^finnhub refused the credentials/), at: expect.any(String) }]);
  });

  it("opens Yahoo's breaker after 5 faulty requests: later symbols go straight to Finnhub", async () => {
    yahoo.override('*', { status: 503 }, 'quoteSummary');
    const providers = chain();
    for (let i = 0; i < 6; i++) expect(sourceOf(await providers.fetchProfile!({ symbol: 'AAPL' }))).toBe('finnhub');
    expect(yahooCalls('quoteSummary')).toBe(5);
    const page = await metrics.registry.metrics();
    expect(page).toContain('scheduler_provider_circuit_open{provider="yahoo"} 1');
    expect(page).toContain('scheduler_provider_requests_total{provider="finnhub",outcome="ok"} 6');
    expect(unavailable).toEqual([{ provider: 'yahoo', reason: 'yahoo is skipped after repeated faults (circuit open)', at: expect.any(String) }]);
  });

  it('costs a dead provider no more than the breaker threshold, however many symbols ask at once', async () => {
    yahoo.override('*', { status: 503 }, 'quoteSummary');
    const providers = chain();
    const answers = await Promise.all(Array.from({ length: 8 }, () => providers.fetchProfile!({ symbol: 'AAPL' })));
    expect(answers.map(sourceOf)).toEqual(Array(8).fill('finnhub'));
    expect(yahooCalls('quoteSummary')).toBe(5);
  });

  it('closes the breaker again once the cool-down is over and one probe succeeds', async () => {
    yahoo.override('*', { status: 503 }, 'quoteSummary');
    const providers = chain(FAKE_FINNHUB_KEY, 2, 200);
    await providers.fetchProfile!({ symbol: 'AAPL' });
    expect(await metrics.registry.metrics()).toContain('scheduler_provider_circuit_open{provider="yahoo"} 1');
    yahoo.reset();
    expect(sourceOf(await providers.fetchProfile!({ symbol: 'AAPL' }))).toBe('finnhub');
    expect(yahooCalls('quoteSummary')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(sourceOf(await providers.fetchProfile!({ symbol: 'AAPL' }))).toBe('yahoo');
    expect(sourceOf(await providers.fetchProfile!({ symbol: 'AAPL' }))).toBe('yahoo');
    expect(await metrics.registry.metrics()).toContain('scheduler_provider_circuit_open{provider="yahoo"} 0');
  });
});

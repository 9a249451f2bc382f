import { FinnhubMarketDataProvider } from '../../src/market-data/finnhub/finnhub.provider.js';
import { FAKE_FINNHUB_KEY, startFakeFinnhub } from './fake-finnhub.js';
import type { FakeVendor } from './fake-vendor.js';

export interface FinnhubProviderContext {
  readonly fake: FakeVendor;
  /** A provider sending to the fake with the key it accepts. */
  readonly provider: FinnhubMarketDataProvider;
}

/**
 * Registers beforeAll/afterEach/afterAll that start a fake Finnhub, reset it (no overrides, no
 * requests) after each test, and stop it. Jest only.
 */
export function useFinnhubProvider(): FinnhubProviderContext {
  let fake: FakeVendor | undefined;
  let provider: FinnhubMarketDataProvider | undefined;
  beforeAll(async () => {
    fake = await startFakeFinnhub();
    provider = new FinnhubMarketDataProvider({ apiKey: FAKE_FINNHUB_KEY, baseUrl: fake.url });
  });
  afterEach(() => fake!.reset());
  afterAll(() => fake?.close());
  return {
    get fake() {
      return fake!;
    },
    get provider() {
      return provider!;
    },
  };
}

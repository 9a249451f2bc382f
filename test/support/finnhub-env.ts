/// <reference types="jest" />
import { FAKE_FINNHUB_KEY, startFakeFinnhub } from './fake-finnhub.js';
import type { FakeVendor } from './fake-vendor.js';

/**
 * A fake Finnhub started (beforeAll) ahead of the app of `useE2eApp(store, { env })`, and `env`
 * naming it after Yahoo with `key`. Jest only.
 */
export function useFinnhubAfterYahoo(key = FAKE_FINNHUB_KEY): { env: Record<string, string>; readonly finnhub: FakeVendor } {
  const env: Record<string, string> = {};
  let finnhub: FakeVendor | undefined;
  beforeAll(async () => {
    finnhub = await startFakeFinnhub();
    Object.assign(env, { MARKET_DATA_PROVIDERS: 'yahoo,finnhub', FINNHUB_API_KEY: key, FINNHUB_BASE_URL: finnhub.url });
  });
  afterAll(() => finnhub?.close());
  return {
    env,
    get finnhub() {
      return finnhub!;
    },
  };
}

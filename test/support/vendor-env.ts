/// <reference types="jest" />
import type { FakeVendor } from './fake-vendor.js';

/** What names a vendor to the app: its key and base-URL variables and MARKET_DATA_PROVIDERS' name. */
export interface VendorSetup {
  name: string;
  variable: 'FINNHUB' | 'POLYGON' | 'ALPHA_VANTAGE';
  start(): Promise<FakeVendor>;
}

/**
 * A fake vendor started (beforeAll) ahead of the app of `useE2eApp(store, { env })`, and `env`
 * naming it after Yahoo with `key`. Jest only.
 */
export function useVendorAfterYahoo(setup: VendorSetup, key: string): { env: Record<string, string>; readonly vendor: FakeVendor } {
  const env: Record<string, string> = {};
  let vendor: FakeVendor | undefined;
  beforeAll(async () => {
    vendor = await setup.start();
    Object.assign(env, { MARKET_DATA_PROVIDERS: `yahoo,${setup.name}`, [`${setup.variable}_API_KEY`]: key, [`${setup.variable}_BASE_URL`]: vendor.url });
  });
  afterAll(() => vendor?.close());
  return {
    env,
    get vendor() {
      return vendor!;
    },
  };
}

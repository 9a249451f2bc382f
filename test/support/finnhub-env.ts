import { FAKE_FINNHUB_KEY, startFakeFinnhub } from './fake-finnhub.js';
import type { FakeVendor } from './fake-vendor.js';
import { useVendorAfterYahoo } from './vendor-env.js';

/** A fake Finnhub after Yahoo (see {@link useVendorAfterYahoo}), with `key`. Jest only. */
export function useFinnhubAfterYahoo(key = FAKE_FINNHUB_KEY): { env: Record<string, string>; readonly finnhub: FakeVendor } {
  const setup = useVendorAfterYahoo({ name: 'finnhub', variable: 'FINNHUB', start: startFakeFinnhub }, key);
  return {
    env: setup.env,
    get finnhub() {
      return setup.vendor;
    },
  };
}

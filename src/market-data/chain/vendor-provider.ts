import { AlphaVantageMarketDataProvider } from '../alpha-vantage/alpha-vantage.provider.js';
import { FinnhubMarketDataProvider } from '../finnhub/finnhub.provider.js';
import type { MarketDataProvider } from '../market-data-provider.js';
import { PolygonMarketDataProvider } from '../polygon/polygon.provider.js';
import type { VendorName } from './provider-names.js';
import { quotaFetch, type ProviderQuota } from './provider-quota.js';
import type { ResolvedVendor } from './providers-options.js';

/** A keyed vendor's adapter, every HTTP request it sends counted in `quota` first. */
export function vendorProvider(name: VendorName, vendor: ResolvedVendor, quota: ProviderQuota): MarketDataProvider {
  const fetch = vendor.fetch ?? globalThis.fetch;
  const common = { apiKey: vendor.apiKey, baseUrl: vendor.baseUrl, timeoutMs: vendor.timeoutMs };
  switch (name) {
    case 'alpha_vantage':
      return new AlphaVantageMarketDataProvider({ ...common, fetch: quotaFetch(fetch, quota) });
    case 'finnhub':
      // Its HTTP layer turns any failure of fetch into ProviderUnavailableError: the quota goes first.
      return new FinnhubMarketDataProvider({ ...common, fetch, beforeRequest: () => quota.take() });
    case 'polygon':
      return new PolygonMarketDataProvider({ ...common, fetch: quotaFetch(fetch, quota) });
  }
}

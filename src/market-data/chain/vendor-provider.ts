import { AlphaVantageMarketDataProvider } from '../alpha-vantage/alpha-vantage.provider.js';
import { FinnhubMarketDataProvider } from '../finnhub/finnhub.provider.js';
import type { MarketDataProvider } from '../market-data-provider.js';
import { PolygonMarketDataProvider } from '../polygon/polygon.provider.js';
import type { VendorName } from './provider-names.js';
import { quotaFetch, type ProviderQuota } from './provider-quota.js';
import type { ResolvedVendor } from './providers-options.js';

/** A keyed vendor's adapter, every HTTP request it sends counted in `quota` first. */
export function vendorProvider(name: VendorName, vendor: ResolvedVendor, quota: ProviderQuota): MarketDataProvider {
  const options = { apiKey: vendor.apiKey, baseUrl: vendor.baseUrl, timeoutMs: vendor.timeoutMs, fetch: quotaFetch(vendor.fetch ?? globalThis.fetch, quota) };
  switch (name) {
    case 'alpha_vantage':
      return new AlphaVantageMarketDataProvider(options);
    case 'finnhub':
      return new FinnhubMarketDataProvider(options);
    case 'polygon':
      return new PolygonMarketDataProvider(options);
  }
}

import { parseProviderChain, type ProviderName, type VendorName } from './provider-names.js';
import type { QuotaLimits } from './provider-quota.js';

/** A keyed vendor's settings; its `apiKey` is required when the chain names it. */
export interface VendorOptions {
  apiKey?: string | null;
  /** Origin that receives its requests instead of the vendor's (mirror, tests). */
  baseUrl?: string | null;
  /** Requests a minute and a day across every replica; null: none. Defaults: the free tier's. */
  maxPerMinute?: number | null;
  maxPerDay?: number | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ProvidersOptions {
  /** The providers in priority order (default `['yahoo']`); `massive` names Polygon. */
  chain?: string[];
  alphaVantage?: VendorOptions;
  finnhub?: VendorOptions;
  polygon?: VendorOptions;
  /** Per provider of a chain of several: consecutive faulty requests that open its breaker (default 5), and for how long (default 60 000 ms). */
  breaker?: { faults?: number; coolDownMs?: number };
}

export interface ResolvedVendor extends QuotaLimits {
  apiKey: string;
  baseUrl: string | null;
  timeoutMs: number;
  fetch: typeof fetch | null;
}

export interface ResolvedProviders {
  chain: ProviderName[];
  /** The settings of each vendor the chain names. */
  vendors: Partial<Record<VendorName, ResolvedVendor>>;
  breaker: { faults: number; coolDownMs: number };
}

// The free tiers' published limits: Alpha Vantage 25 requests a day (and 5 a minute), Finnhub 60 a minute, Polygon 5 a minute.
const VENDORS: Record<VendorName, { option: 'alphaVantage' | 'finnhub' | 'polygon'; env: string; limits: QuotaLimits }> = {
  alpha_vantage: { option: 'alphaVantage', env: 'ALPHA_VANTAGE', limits: { perMinute: 5, perDay: 25 } },
  finnhub: { option: 'finnhub', env: 'FINNHUB', limits: { perMinute: 60, perDay: null } },
  polygon: { option: 'polygon', env: 'POLYGON', limits: { perMinute: 5, perDay: null } },
};

/** The environment variable prefix of a vendor's settings, e.g. `FINNHUB` for `FINNHUB_API_KEY`. */
export const vendorEnv = (vendor: VendorName): string => VENDORS[vendor].env;

function chainOf(names: string[]): ProviderName[] {
  try {
    return parseProviderChain(names.join(','));
  } catch (error) {
    throw new Error(`MARKET_DATA_PROVIDERS (providers.chain): ${(error as Error).message}`);
  }
}

/** Merges the providers' options with their defaults; throws naming a listed vendor without its key. */
export function resolveProviders(options: ProvidersOptions = {}): ResolvedProviders {
  const chain = options.chain ? chainOf(options.chain) : (['yahoo'] as ProviderName[]);
  const vendors: Partial<Record<VendorName, ResolvedVendor>> = {};
  for (const name of chain.filter((n): n is VendorName => n !== 'yahoo')) {
    const { option, env, limits } = VENDORS[name];
    const given = options[option] ?? {};
    if (!given.apiKey) throw new Error(`MARKET_DATA_PROVIDERS lists ${name}, but ${env}_API_KEY (providers.${option}.apiKey) is not set`);
    vendors[name] = {
      apiKey: given.apiKey,
      baseUrl: given.baseUrl ?? null,
      perMinute: given.maxPerMinute === undefined ? limits.perMinute : given.maxPerMinute,
      perDay: given.maxPerDay === undefined ? limits.perDay : given.maxPerDay,
      timeoutMs: given.timeoutMs ?? 10_000,
      fetch: given.fetch ?? null,
    };
  }
  return { chain, vendors, breaker: { faults: options.breaker?.faults ?? 5, coolDownMs: options.breaker?.coolDownMs ?? 60_000 } };
}

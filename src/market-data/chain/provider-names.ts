/** The providers a chain can name, in no particular order; `massive` is Polygon's new name. */
export const PROVIDER_NAMES = ['yahoo', 'alpha_vantage', 'finnhub', 'polygon'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** The keyed vendors: every provider but Yahoo needs an API key. */
export type VendorName = Exclude<ProviderName, 'yahoo'>;

const ALIASES: Readonly<Record<string, ProviderName>> = { massive: 'polygon' };

/** Every name a chain may use, aliases included. */
export const PROVIDER_CHOICES: readonly string[] = [...PROVIDER_NAMES, ...Object.keys(ALIASES)];

/**
 * The chain named by `MARKET_DATA_PROVIDERS` ("yahoo,finnhub"), in priority order: names trimmed and
 * lower-cased, aliases resolved. Throws naming an unknown or repeated name.
 */
export function parseProviderChain(text: string): ProviderName[] {
  const chain: ProviderName[] = [];
  for (const raw of text.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean)) {
    const name = ALIASES[raw] ?? raw;
    if (!(PROVIDER_NAMES as readonly string[]).includes(name)) throw new Error(`unknown provider "${raw}" (known: ${PROVIDER_CHOICES.join(', ')})`);
    if (chain.includes(name as ProviderName)) throw new Error(`provider "${raw}" is listed twice`);
    chain.push(name as ProviderName);
  }
  if (chain.length === 0) throw new Error('names no provider');
  return chain;
}

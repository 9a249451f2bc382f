import { Injectable } from '@nestjs/common';
import type { MarketDataProvider, ProviderMethod } from '../market-data-provider.js';
import type { ProviderName } from './provider-names.js';

/** The providers of the configured chain, in priority order, and what each serves: what a job's own `providers` is checked against. */
@Injectable()
export class ProviderCatalog {
  private readonly providers = new Map<ProviderName, MarketDataProvider>();

  add(name: ProviderName, provider: MarketDataProvider): void {
    this.providers.set(name, provider);
  }

  get names(): ProviderName[] {
    return [...this.providers.keys()];
  }

  serves(name: ProviderName, method: ProviderMethod): boolean {
    return Boolean(this.providers.get(name)?.[method]);
  }
}

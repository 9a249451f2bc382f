import { Inject, Injectable, Logger } from '@nestjs/common';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';
import type { DatasetHandler, DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { fetchPerSymbol } from '../per-symbol-fetch.js';
import { SharedRequests } from '../single-flight.js';
import type { CompanyProfile } from './company-profile.js';
import { PROFILE_STORE, type ProfileStore } from './profile-store.js';

const isEmpty = (profile: CompanyProfile) => Object.values(profile).every((value) => value === null || (Array.isArray(value) && value.length === 0));

/** Company profiles: one request per symbol; the store keeps the latest and each field's changes. */
@Injectable()
export class CompanyInfoHandler implements DatasetHandler {
  readonly dataset = 'company_info';
  readonly batchSize = 1;
  private readonly logger = new Logger(CompanyInfoHandler.name);

  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly shared: SharedRequests,
    @Inject(PROFILE_STORE) private readonly profiles: ProfileStore,
  ) {}

  fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    return fetchPerSymbol(this.shared, run, symbols, this.logger, {
      dataset: this.dataset,
      what: 'profile',
      request: (request) => providerMethod(this.provider, 'fetchProfile')(request),
      store: async (id, profile, source) => {
        if (isEmpty(profile)) throw new NoDataError(`the provider has no profile of ${id.symbol}`);
        return { written: await this.profiles.write(id, profile, run.startedAt, source), rejected: 0 };
      },
    });
  }
}

import type { Provider } from '@nestjs/common';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../scheduler/scheduler-options.js';
import { StoreConnection } from '../storage/store.providers.js';
import { buildProviderChain } from './chain/build-chain.js';
import { ProviderCatalog } from './chain/provider-catalog.js';
import { ProviderHealth } from './chain/provider-health.js';
import { MARKET_DATA_PROVIDER } from './market-data-provider.js';

/** The provider every run uses: Yahoo (or the host's own), then the other providers of the chain. */
export const marketDataProvider: Provider = {
  provide: MARKET_DATA_PROVIDER,
  inject: [RESOLVED_OPTIONS, SchedulerMetrics, StoreConnection, ProviderHealth, ProviderCatalog],
  useFactory: (options: ResolvedSchedulerOptions, metrics: SchedulerMetrics, connection: StoreConnection, health: ProviderHealth, catalog: ProviderCatalog) =>
    buildProviderChain(options, { metrics, health, catalog }, connection.client),
};

import type { Provider } from '@nestjs/common';
import { companyInfoParts } from './company-info/company-info.parts.js';
import { DATASET_HANDLERS, type DatasetHandler } from './dataset-handler.js';
import type { DatasetParts } from './dataset-parts.js';
import { earningsDataParts } from './earnings-data/earnings-data.parts.js';
import { economicEventsParts } from './economic-events/economic-events.parts.js';
import { historicalPricesParts } from './historical-prices/historical-prices.parts.js';
import { newsDataParts } from './news-data/news-data.parts.js';
import { optionsChainParts } from './options-chain/options-chain.parts.js';
import { SharedRequests } from './single-flight.js';
import { stockQuotesParts } from './stock-quotes/stock-quotes.parts.js';

/** Every dataset folder's parts; the registry fails the start-up when a dataset has none. */
export const DATASET_PARTS: DatasetParts[] = [historicalPricesParts, stockQuotesParts, optionsChainParts, companyInfoParts, earningsDataParts, newsDataParts, economicEventsParts];

export const datasetProviders: Provider[] = [
  { provide: SharedRequests, useFactory: () => new SharedRequests() },
  ...DATASET_PARTS.flatMap((parts) => [parts.handler, ...parts.providers]),
  { provide: DATASET_HANDLERS, inject: DATASET_PARTS.map((parts) => parts.handler), useFactory: (...handlers: DatasetHandler[]) => handlers },
];

export const datasetControllers = DATASET_PARTS.flatMap((parts) => parts.controllers);

/** The tokens of the datasets' providers, exported for their read routes in MarketDataModule. */
export const datasetExports = DATASET_PARTS.flatMap((parts) => parts.providers.map((provider) => ('provide' in provider ? provider.provide : provider)));

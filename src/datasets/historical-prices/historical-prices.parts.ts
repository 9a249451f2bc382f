import type { DatasetParts } from '../dataset-parts.js';
import { BarIngestor } from './bar-ingestor.js';
import { BarsController } from './bars.controller.js';
import { HistoricalPricesHandler } from './historical-prices.handler.js';

export const historicalPricesParts: DatasetParts = {
  handler: HistoricalPricesHandler,
  providers: [BarIngestor],
  controllers: [BarsController],
};

import { perStore } from '../../storage/store.providers.js';
import type { DatasetParts } from '../dataset-parts.js';
import { MemoryQuoteStore } from './memory-quote-store.js';
import { QUOTE_STORE, type QuoteStore } from './quote-store.js';
import { RedisQuoteStore } from './redis-quote-store.js';
import { StockQuotesController } from './stock-quotes.controller.js';
import { StockQuotesHandler } from './stock-quotes.handler.js';

export const stockQuotesParts: DatasetParts = {
  handler: StockQuotesHandler,
  providers: [perStore<QuoteStore>(QUOTE_STORE, (client) => new RedisQuoteStore(client), () => new MemoryQuoteStore())],
  controllers: [StockQuotesController],
};

import { perStore } from '../../storage/store.providers.js';
import type { DatasetParts } from '../dataset-parts.js';
import { MemoryNewsStore } from './memory-news-store.js';
import { NewsDataController } from './news-data.controller.js';
import { NewsDataHandler } from './news-data.handler.js';
import { NEWS_STORE, type NewsStore } from './news-store.js';
import { RedisNewsStore } from './redis-news-store.js';

export const newsDataParts: DatasetParts = {
  handler: NewsDataHandler,
  providers: [perStore<NewsStore>(NEWS_STORE, (client) => new RedisNewsStore(client), () => new MemoryNewsStore())],
  controllers: [NewsDataController],
};

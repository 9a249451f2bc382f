import { perStore } from '../../storage/store.providers.js';
import type { DatasetParts } from '../dataset-parts.js';
import { EarningsDataController } from './earnings-data.controller.js';
import { EarningsDataHandler } from './earnings-data.handler.js';
import { EARNINGS_STORE, type EarningsStore } from './earnings-store.js';
import { MemoryEarningsStore } from './memory-earnings-store.js';
import { RedisEarningsStore } from './redis-earnings-store.js';

export const earningsDataParts: DatasetParts = {
  handler: EarningsDataHandler,
  providers: [perStore<EarningsStore>(EARNINGS_STORE, (client) => new RedisEarningsStore(client), () => new MemoryEarningsStore())],
  controllers: [EarningsDataController],
};

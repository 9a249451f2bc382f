import { perStore } from '../../storage/store.providers.js';
import type { DatasetParts } from '../dataset-parts.js';
import { ECONOMIC_EVENT_STORE, type EconomicEventStore } from './economic-event-store.js';
import { EconomicEventsController } from './economic-events.controller.js';
import { EconomicEventsHandler } from './economic-events.handler.js';
import { MemoryEconomicEventStore } from './memory-economic-event-store.js';
import { RedisEconomicEventStore } from './redis-economic-event-store.js';

export const economicEventsParts: DatasetParts = {
  handler: EconomicEventsHandler,
  providers: [perStore<EconomicEventStore>(ECONOMIC_EVENT_STORE, (client) => new RedisEconomicEventStore(client), () => new MemoryEconomicEventStore())],
  controllers: [EconomicEventsController],
};

import { perStore } from '../../storage/store.providers.js';
import type { DatasetParts } from '../dataset-parts.js';
import { MemoryOptionsStore } from './memory-options-store.js';
import { OptionsChainController } from './options-chain.controller.js';
import { OptionsChainHandler } from './options-chain.handler.js';
import { OPTIONS_STORE, type OptionsStore } from './options-store.js';
import { RedisOptionsStore } from './redis-options-store.js';

export const optionsChainParts: DatasetParts = {
  handler: OptionsChainHandler,
  providers: [perStore<OptionsStore>(OPTIONS_STORE, (client) => new RedisOptionsStore(client), () => new MemoryOptionsStore())],
  controllers: [OptionsChainController],
};

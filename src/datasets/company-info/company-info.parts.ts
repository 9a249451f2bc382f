import { perStore } from '../../storage/store.providers.js';
import type { DatasetParts } from '../dataset-parts.js';
import { CompanyInfoController } from './company-info.controller.js';
import { CompanyInfoHandler } from './company-info.handler.js';
import { MemoryProfileStore } from './memory-profile-store.js';
import { PROFILE_STORE, type ProfileStore } from './profile-store.js';
import { RedisProfileStore } from './redis-profile-store.js';

export const companyInfoParts: DatasetParts = {
  handler: CompanyInfoHandler,
  providers: [perStore<ProfileStore>(PROFILE_STORE, (client) => new RedisProfileStore(client), () => new MemoryProfileStore())],
  controllers: [CompanyInfoController],
};

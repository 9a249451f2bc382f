import type { Redis } from 'ioredis';
import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import type { SymbolKeyId } from '../dataset.js';
import type { CompanyProfile, StoredProfile } from './company-profile.js';
import { decodeProfile, encodeProfile } from './profile-codec.js';
import { WRITE_PROFILE } from './profile-scripts.js';
import type { ProfileStore } from './profile-store.js';

/**
 * {@link ProfileStore} on Redis: one HASH per symbol, a field per profile field (its JSON),
 * `fetched_at`, `source` and `changes` (a JSON array, oldest first); written by one script, read by one HGETALL.
 */
export class RedisProfileStore implements ProfileStore {
  private readonly writeProfile: ScriptCall<number>;

  constructor(private readonly client: Redis) {
    this.writeProfile = defineScript(client, 'writeProfile', WRITE_PROFILE);
  }

  write(id: SymbolKeyId, profile: CompanyProfile, fetchedAt: number, source = STORED_SOURCE_DEFAULT): Promise<number> {
    return redisCall(() => this.writeProfile([keys.profile(id)], [String(fetchedAt), source, ...encodeProfile(profile).flat()]));
  }

  async read(id: SymbolKeyId): Promise<StoredProfile | null> {
    return decodeProfile(await redisCall(() => this.client.hgetall(keys.profile(id))));
  }
}

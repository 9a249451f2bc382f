import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import { keys } from '../../storage/keys.js';
import type { SymbolKeyId } from '../dataset.js';
import type { CompanyProfile, StoredProfile } from './company-profile.js';
import { appendChanges, decodeProfile, encodeChange, encodeProfile, type ProfileHash } from './profile-codec.js';
import type { ProfileStore } from './profile-store.js';

/**
 * In-process {@link ProfileStore} with the Redis adapter's semantics: per key the hash the Redis
 * script keeps, changed the way the script changes it (profile-scripts.ts).
 */
export class MemoryProfileStore implements ProfileStore {
  private readonly hashes = new Map<string, ProfileHash>();

  async write(id: SymbolKeyId, profile: CompanyProfile, fetchedAt: number, source = STORED_SOURCE_DEFAULT): Promise<number> {
    const key = keys.profile(id);
    const stored = this.hashes.get(key);
    if (stored && Number(stored.fetched_at) > fetchedAt) return 0;
    const hash: ProfileHash = { ...stored };
    const entries: string[] = [];
    for (const [field, value] of encodeProfile(profile)) {
      const old = hash[field] ?? 'null';
      if (old === value) continue;
      if (stored) entries.push(encodeChange(fetchedAt, field, old, value));
      hash[field] = value;
    }
    if (entries.length > 0) hash.changes = appendChanges(hash.changes, entries);
    Object.assign(hash, { fetched_at: String(fetchedAt), source });
    this.hashes.set(key, hash);
    return !stored || entries.length > 0 ? 1 : 0;
  }

  async read(id: SymbolKeyId): Promise<StoredProfile | null> {
    return decodeProfile(this.hashes.get(keys.profile(id)) ?? {});
  }
}

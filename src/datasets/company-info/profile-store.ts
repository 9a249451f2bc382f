import type { SymbolKeyId } from '../dataset.js';
import type { CompanyProfile, StoredProfile } from './company-profile.js';

/** A symbol's latest profile at `{prefix}:{SYMBOL}:profile`, with a history entry per changed field. */
export interface ProfileStore {
  /**
   * Stores the profile fetched at `fetchedAt` (epoch ms). Returns 1 when it is the first or a field
   * changed (each change is kept with its time), 0 when nothing changed (only the fetch time and
   * `source`, the provider that gave it, move; the source is no field of the profile's history).
   */
  write(id: SymbolKeyId, profile: CompanyProfile, fetchedAt: number, source?: string): Promise<number>;
  read(id: SymbolKeyId): Promise<StoredProfile | null>;
}

export const PROFILE_STORE = Symbol('PROFILE_STORE');

import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import { keys } from '../../storage/keys.js';
import type { SymbolKeyId } from '../dataset.js';
import { decodeEarnings, type EarningsHash, encodeNextDates, encodeQuarters } from './earnings-codec.js';
import type { EarningsStore } from './earnings-store.js';
import type { Earnings, StoredEarnings } from './earnings.js';

/**
 * In-process {@link EarningsStore} with the Redis adapter's semantics: per key the hash the Redis
 * script keeps, changed the way the script changes it (earnings-scripts.ts).
 */
export class MemoryEarningsStore implements EarningsStore {
  private readonly hashes = new Map<string, EarningsHash>();

  async write(id: SymbolKeyId, earnings: Earnings, fetchedAt: number, source = STORED_SOURCE_DEFAULT): Promise<number> {
    const key = keys.earnings(id);
    const stored = this.hashes.get(key);
    if (stored && Number(stored.fetched_at) > fetchedAt) return 0;
    const hash: EarningsHash = { ...stored };
    let written = 0;
    for (const [field, value] of encodeQuarters(earnings.quarters)) {
      if (hash[field] === value) continue;
      hash[field] = value;
      written++;
    }
    Object.assign(hash, { next: encodeNextDates(earnings), fetched_at: String(fetchedAt), source });
    this.hashes.set(key, hash);
    return written;
  }

  async read(id: SymbolKeyId): Promise<StoredEarnings | null> {
    return decodeEarnings(this.hashes.get(keys.earnings(id)) ?? {});
  }
}

import { sourced } from '../../market-data/bar.js';
import { keys } from '../../storage/keys.js';
import type { SymbolKeyId } from '../dataset.js';
import type { OptionSnapshot, StoredSnapshot } from './option-chain.js';
import type { OptionsStore } from './options-store.js';

const nearestFirst = (a: StoredSnapshot, b: StoredSnapshot) => (a.expiration ?? Infinity) - (b.expiration ?? Infinity);

/**
 * In-process {@link OptionsStore} with the Redis adapter's semantics: snapshots keyed like the Redis
 * keys, one per fetch time and expiration, those fetched before the retention dropped on write.
 */
export class MemoryOptionsStore implements OptionsStore {
  private readonly snapshots = new Map<string, StoredSnapshot[]>();

  async write(id: SymbolKeyId, snapshot: OptionSnapshot, keepFrom: number): Promise<number> {
    const key = keys.options(id);
    const same = (stored: OptionSnapshot) => stored.fetched_at === snapshot.fetched_at && stored.expiration === snapshot.expiration;
    const kept = (this.snapshots.get(key) ?? []).filter((stored) => stored.fetched_at >= keepFrom && !same(stored));
    const fresh = snapshot.fetched_at >= keepFrom;
    if (fresh) kept.push(sourced(structuredClone(snapshot)));
    if (kept.length > 0) this.snapshots.set(key, kept);
    else this.snapshots.delete(key);
    return fresh ? snapshot.calls.length + snapshot.puts.length : 0;
  }

  async read(id: SymbolKeyId, options: { expiration?: number; at?: number } = {}): Promise<StoredSnapshot | null> {
    const fetched = (this.snapshots.get(keys.options(id)) ?? []).filter((snapshot) => snapshot.fetched_at <= (options.at ?? Infinity));
    const latest = Math.max(...fetched.map((snapshot) => snapshot.fetched_at));
    const found =
      options.expiration === undefined
        ? fetched.filter((snapshot) => snapshot.fetched_at === latest).sort(nearestFirst)[0]
        : fetched.filter((snapshot) => snapshot.expiration === options.expiration).sort((a, b) => b.fetched_at - a.fetched_at)[0];
    return found ? structuredClone(found) : null;
  }
}

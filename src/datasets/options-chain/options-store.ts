import type { SymbolKeyId } from '../dataset.js';
import type { OptionSnapshot, StoredSnapshot } from './option-chain.js';

/** A symbol's options snapshots at `{prefix}:{SYMBOL}:options`, one per fetch and expiration. */
export interface OptionsStore {
  /** Stores the snapshot, drops those fetched before `keepFrom` (epoch ms); returns the contracts written. */
  write(id: SymbolKeyId, snapshot: OptionSnapshot, keepFrom: number): Promise<number>;
  /**
   * The latest snapshot fetched at or before `at` (default: the latest of all) for `expiration`
   * (epoch ms; default: the nearest expiration of the latest fetch), or null.
   */
  read(id: SymbolKeyId, options?: { expiration?: number; at?: number }): Promise<StoredSnapshot | null>;
}

export const OPTIONS_STORE = Symbol('OPTIONS_STORE');

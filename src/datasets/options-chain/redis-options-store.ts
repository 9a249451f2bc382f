import type { Redis } from 'ioredis';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import type { SymbolKeyId } from '../dataset.js';
import type { OptionSnapshot, StoredSnapshot } from './option-chain.js';
import { decodeSnapshot, encodeSnapshot, expirationTag } from './option-snapshot-codec.js';
import type { OptionsStore } from './options-store.js';
import { READ_SNAPSHOT, WRITE_SNAPSHOT } from './options-scripts.js';

/**
 * {@link OptionsStore} on Redis: a ZSET of snapshots scored by fetch time, each member its
 * expiration tag and the snapshot (option-snapshot-codec.ts).
 */
export class RedisOptionsStore implements OptionsStore {
  private readonly writeSnapshot: ScriptCall<number>;
  private readonly readSnapshot: ScriptCall<string | null>;

  constructor(client: Redis) {
    this.writeSnapshot = defineScript(client, 'writeOptionSnapshot', WRITE_SNAPSHOT);
    this.readSnapshot = defineScript(client, 'readOptionSnapshot', READ_SNAPSHOT);
  }

  async write(id: SymbolKeyId, snapshot: OptionSnapshot, keepFrom: number): Promise<number> {
    const kept = snapshot.fetched_at >= keepFrom;
    const member = kept ? encodeSnapshot(snapshot) : '';
    await redisCall(() => this.writeSnapshot([keys.options(id)], [String(snapshot.fetched_at), expirationTag(snapshot.expiration), member, String(keepFrom)]));
    return kept ? snapshot.calls.length + snapshot.puts.length : 0;
  }

  async read(id: SymbolKeyId, options: { expiration?: number; at?: number } = {}): Promise<StoredSnapshot | null> {
    const tag = options.expiration === undefined ? '' : expirationTag(options.expiration);
    const member = await redisCall(() => this.readSnapshot([keys.options(id)], [options.at === undefined ? '+inf' : String(options.at), tag]));
    return member ? decodeSnapshot(member) : null;
  }
}

import type { Redis } from 'ioredis';
import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import type { SymbolKeyId } from '../dataset.js';
import { decodeEarnings, encodeNextDates, encodeQuarters } from './earnings-codec.js';
import { WRITE_EARNINGS } from './earnings-scripts.js';
import type { EarningsStore } from './earnings-store.js';
import type { Earnings, StoredEarnings } from './earnings.js';

/**
 * {@link EarningsStore} on Redis: one HASH per symbol, a `q:{quarter_end}` field per quarter (its
 * numbers as JSON), `next`, `fetched_at` and `source`; written by one script, read by one HGETALL.
 */
export class RedisEarningsStore implements EarningsStore {
  private readonly writeEarnings: ScriptCall<number>;

  constructor(private readonly client: Redis) {
    this.writeEarnings = defineScript(client, 'writeEarnings', WRITE_EARNINGS);
  }

  write(id: SymbolKeyId, earnings: Earnings, fetchedAt: number, source = STORED_SOURCE_DEFAULT): Promise<number> {
    return redisCall(() => this.writeEarnings([keys.earnings(id)], [String(fetchedAt), encodeNextDates(earnings), source, ...encodeQuarters(earnings.quarters).flat()]));
  }

  async read(id: SymbolKeyId): Promise<StoredEarnings | null> {
    return decodeEarnings(await redisCall(() => this.client.hgetall(keys.earnings(id))));
  }
}

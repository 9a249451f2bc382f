import type { Redis } from 'ioredis';
import type { Bar, CorporateAction, SeriesId } from '../../market-data/bar.js';
import type { ActionsId, BarStore, SnapshotId, SnapshotRecord } from '../bar-store.js';
import { keys } from '../keys.js';
import { redisCall } from './redis-call.js';

// ZADD alone would keep a stale bar next to its replacement (members differ), so each time slot is
// cleared first. ARGV holds (score, member) pairs.
const UPSERT_BARS = `
for i = 1, #ARGV, 2 do
  redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[i], ARGV[i])
  redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 1])
end
return #ARGV / 2
`;

type EncodedBar = [number, number, number, number, number, number | null, number];

/**
 * {@link BarStore} on Redis: a series is a ZSET scored by bar time (epoch ms, exact in a double)
 * whose members are compact `[time, open, high, low, close, adj_close, volume]` arrays.
 */
export class RedisBarStore implements BarStore {
  constructor(private readonly client: Redis) {}

  async upsert(series: SeriesId, bars: Bar[]): Promise<number> {
    if (bars.length === 0) return 0;
    const args = bars.flatMap((bar) => [String(bar.time), encodeBar(bar)]);
    await redisCall(() => this.client.eval(UPSERT_BARS, 1, keys.series(series), ...args));
    return bars.length;
  }

  async range(series: SeriesId, from?: number, to?: number): Promise<Bar[]> {
    const members = await redisCall(() =>
      this.client.zrangebyscore(keys.series(series), from ?? '-inf', to ?? '+inf'),
    );
    return members.map(decodeBar);
  }

  async last(series: SeriesId): Promise<Bar | null> {
    const [member] = await redisCall(() => this.client.zrevrange(keys.series(series), 0, 0));
    return member === undefined ? null : decodeBar(member);
  }

  /** A HASH per symbol: field `{kind}:{time}`, value the action as JSON. */
  async upsertActions(id: ActionsId, actions: CorporateAction[]): Promise<number> {
    if (actions.length === 0) return 0;
    const fields = actions.flatMap((action) => [`${action.kind}:${action.time}`, JSON.stringify(action)]);
    await redisCall(() => this.client.hset(keys.actions(id), ...fields));
    return actions.length;
  }

  async actions(id: ActionsId): Promise<CorporateAction[]> {
    const stored = await redisCall(() => this.client.hvals(keys.actions(id)));
    return stored.map((raw) => JSON.parse(raw) as CorporateAction).sort((a, b) => a.time - b.time);
  }

  async writeSnapshot(id: SnapshotId, records: SnapshotRecord[], ttlSeconds: number): Promise<void> {
    await redisCall(() => this.client.set(keys.snapshot(id), JSON.stringify(records), 'EX', ttlSeconds));
  }

  async readSnapshot(id: SnapshotId): Promise<SnapshotRecord[] | null> {
    const raw = await redisCall(() => this.client.get(keys.snapshot(id)));
    return raw === null ? null : (JSON.parse(raw) as SnapshotRecord[]);
  }
}

function encodeBar(bar: Bar): string {
  const encoded: EncodedBar = [bar.time, bar.open, bar.high, bar.low, bar.close, bar.adj_close, bar.volume];
  return JSON.stringify(encoded);
}

function decodeBar(member: string): Bar {
  const [time, open, high, low, close, adj_close, volume] = JSON.parse(member) as EncodedBar;
  return { time, open, high, low, close, adj_close, volume };
}

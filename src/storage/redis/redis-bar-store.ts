import type { Redis } from 'ioredis';
import { namedSource, STORED_SOURCE_DEFAULT, type Bar, type CorporateAction, type SeriesId, type Sourced } from '../../market-data/bar.js';
import { type ActionsId, assertRangeBounds, type BarStore, type CoveredSpan, type SeriesCoverage, type SnapshotId, type SnapshotRecord } from '../bar-store.js';
import { keys } from '../keys.js';
import { redisCall, redisTransaction } from './redis-call.js';
import { defineScript, type ScriptCall } from './redis-script.js';

/**
 * A ZSET member holds one block of bars, not one bar: past zset-max-listpack-entries (128 members)
 * Redis keeps a ZSET as a skiplist plus a dict, ~100 bytes per member on top of its text, so one
 * member per bar cost ~230 bytes per daily bar (`npm run bench:storage`). A block spans this many
 * intervals (64 days of daily bars: ~45 bars), which leaves ~12 bytes per bar on top of the text.
 */
const INTERVALS_PER_BLOCK = 64;

// Merges new bars into their blocks. ARGV holds the covered span's from and through ('' for none),
// then (block start, '(' + block end, bars) triples, the bars one per line. Every member scored
// inside the block is read, split into bars (a member of the former one-bar layout, `[time,…]`,
// becomes one line), merged by time, new bars winning, and written back as one member scored at the
// block start: a bar is never duplicated. Then KEYS[2], the covered-from, is set if the newest bar
// (the last line of the top member) lies within the span: in the same call, so that no other write
// can come between the bars and the claim about them.
const UPSERT_BARS = `
for i = 3, #ARGV, 3 do
  local lines, times = {}, {}
  local function add(line)
    local time = tonumber(string.match(line, '^[^,]+'))
    if lines[time] == nil then times[#times + 1] = time end
    lines[time] = line
  end
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[i], ARGV[i + 1])) do
    if string.sub(member, 1, 1) == '[' then member = string.gsub(string.sub(member, 2, -2), 'null', '') end
    for line in string.gmatch(member, '[^\\n]+') do add(line) end
  end
  for line in string.gmatch(ARGV[i + 2], '[^\\n]+') do add(line) end
  table.sort(times)
  for k, time in ipairs(times) do times[k] = lines[time] end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[i], ARGV[i + 1])
  redis.call('ZADD', KEYS[1], ARGV[i], table.concat(times, '\\n'))
end
local top = ARGV[1] ~= '' and redis.call('ZREVRANGE', KEYS[1], 0, 0)[1]
if top and tonumber(string.match(string.match(top, '[^\\n]+$'), '^%[?([^,]+)')) <= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], ARGV[1])
end
return (#ARGV - 2) / 3
`;

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, wk: 7 * 86_400_000, mo: 31 * 86_400_000 };

/** How much time one block covers: {@link INTERVALS_PER_BLOCK} bars of the interval (a day's worth for an unknown one). */
export function blockSpanMs(interval: string): number {
  const match = /^(\d+)(m|h|d|wk|mo)$/.exec(interval);
  return INTERVALS_PER_BLOCK * (match ? Number(match[1]) * UNIT_MS[match[2]] : UNIT_MS.d);
}

/**
 * {@link BarStore} on Redis: a series is a ZSET of blocks. A block covers `[start, start + span)`,
 * is scored by its start (epoch ms) and holds its bars oldest first, one per line:
 * `time,open,high,low,close,adj_close,volume[,source]` (numbers as JavaScript prints them, so they
 * read back exactly; an empty adj_close is null; no source is {@link STORED_SOURCE_DEFAULT}). Members of the former layout (one `[time, …]` JSON array
 * per bar, scored by its time) are still read, and folded into their block on the next write there.
 */
export class RedisBarStore implements BarStore {
  private readonly upsertBars: ScriptCall<number>;

  constructor(private readonly client: Redis) {
    this.upsertBars = defineScript<number>(client, 'upsertBars', UPSERT_BARS);
  }

  async upsert(series: SeriesId, bars: Bar[], covered: CoveredSpan | null = null): Promise<number> {
    if (bars.length === 0 && !covered) return 0;
    const span = blockSpanMs(series.interval);
    const blocks = new Map<number, string[]>();
    for (const bar of bars) {
      const start = Math.floor(bar.time / span) * span;
      (blocks.get(start) ?? blocks.set(start, []).get(start)!).push(encodeBar(bar));
    }
    const args = [...blocks].flatMap(([start, lines]) => [String(start), `(${start + span}`, lines.join('\n')]);
    const claim = covered ? [String(covered.from), String(covered.through)] : ['', ''];
    await redisCall(() => this.upsertBars([keys.series(series), keys.coveredFrom(series)], [...claim, ...args]));
    return bars.length;
  }

  /** Reads the block holding `from` (the last one starting at or before it) and those starting after it up to `to`. */
  async range(series: SeriesId, from?: number, to?: number): Promise<Sourced<Bar>[]> {
    assertRangeBounds(from, to);
    const key = keys.series(series);
    const upper = to ?? '+inf';
    const members =
      from === undefined
        ? await redisCall(() => this.client.zrangebyscore(key, '-inf', upper))
        : ((await redisTransaction(
            this.client.multi().zrevrangebyscore(key, from, '-inf', 'LIMIT', 0, 1).zrangebyscore(key, `(${from}`, upper),
          )) as string[][]).flat();
    return members.flatMap(decodeMember).filter((bar) => (from === undefined || bar.time >= from) && (to === undefined || bar.time <= to));
  }

  async last(series: SeriesId): Promise<Sourced<Bar> | null> {
    const [member] = await redisCall(() => this.client.zrevrange(keys.series(series), 0, 0));
    return member === undefined ? null : (decodeMember(member).at(-1) ?? null);
  }

  /** The newest block (one member) and the covered-from string, in one MULTI. */
  async coverage(series: SeriesId): Promise<SeriesCoverage | null> {
    const [[member], from] = (await redisTransaction(
      this.client.multi().zrevrange(keys.series(series), 0, 0).get(keys.coveredFrom(series)),
    )) as [string[], string | null];
    const newest = member === undefined ? undefined : decodeMember(member).at(-1);
    return newest ? { newest: newest.time, from: from === null ? null : Number(from) } : null;
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

function encodeBar({ time, open, high, low, close, adj_close, volume, source }: Bar): string {
  const line = [time, open, high, low, close, adj_close ?? '', volume].join(',');
  const named = namedSource(source);
  return named ? `${line},${named}` : line;
}

/** The bars of a block, or the one bar of a former-layout member. */
function decodeMember(member: string): Sourced<Bar>[] {
  const lines = member.startsWith('[') ? [member.slice(1, -1).replace('null', '')] : member.split('\n');
  return lines.map((line) => {
    const [time, open, high, low, close, adj_close, volume, source = STORED_SOURCE_DEFAULT] = line.split(',');
    return { time: +time, open: +open, high: +high, low: +low, close: +close, adj_close: adj_close === '' ? null : +adj_close, volume: +volume, source };
  });
}

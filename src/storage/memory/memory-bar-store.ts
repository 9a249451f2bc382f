import { sourced, type Bar, type CorporateAction, type SeriesId, type Sourced } from '../../market-data/bar.js';
import { type ActionsId, assertRangeBounds, type BarStore, type CoveredSpan, type SeriesCoverage, type SnapshotId, type SnapshotRecord } from '../bar-store.js';
import { keys } from '../keys.js';

interface StoredSnapshot {
  records: SnapshotRecord[];
  expiresAt: number;
}

/**
 * In-process {@link BarStore} with the Redis adapter's semantics (series keyed like Redis keys, so
 * symbols are case-insensitive; snapshots expire). `now` is injectable so tests can move time.
 */
export class MemoryBarStore implements BarStore {
  private readonly series = new Map<string, Map<number, Sourced<Bar>>>();
  private readonly snapshots = new Map<string, StoredSnapshot>();
  private readonly corporateActions = new Map<string, Map<string, CorporateAction>>();
  private readonly coveredFrom = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  async upsert(series: SeriesId, bars: Bar[], covered: CoveredSpan | null = null): Promise<number> {
    const key = keys.series(series);
    const stored = this.series.get(key) ?? new Map<number, Sourced<Bar>>();
    for (const bar of bars) stored.set(bar.time, sourced(structuredClone(bar)));
    if (stored.size === 0) return 0;
    this.series.set(key, stored);
    if (covered && Math.max(...stored.keys()) <= covered.through) this.coveredFrom.set(keys.coveredFrom(series), covered.from);
    return bars.length;
  }

  async range(series: SeriesId, from?: number, to?: number): Promise<Sourced<Bar>[]> {
    assertRangeBounds(from, to);
    return this.sorted(series)
      .filter((bar) => bar.time >= (from ?? -Infinity) && bar.time <= (to ?? Infinity))
      .map((bar) => structuredClone(bar));
  }

  async last(series: SeriesId): Promise<Sourced<Bar> | null> {
    const newest = this.sorted(series).at(-1);
    return newest ? structuredClone(newest) : null;
  }

  async coverage(series: SeriesId): Promise<SeriesCoverage | null> {
    const newest = await this.last(series);
    return newest ? { newest: newest.time, from: this.coveredFrom.get(keys.coveredFrom(series)) ?? null } : null;
  }

  async upsertActions(id: ActionsId, actions: CorporateAction[]): Promise<number> {
    const key = keys.actions(id);
    const stored = this.corporateActions.get(key) ?? new Map<string, CorporateAction>();
    for (const action of actions) stored.set(`${action.kind}:${action.time}`, structuredClone(action));
    if (stored.size) this.corporateActions.set(key, stored);
    return actions.length;
  }

  async actions(id: ActionsId): Promise<CorporateAction[]> {
    const stored = [...(this.corporateActions.get(keys.actions(id))?.values() ?? [])];
    return stored.sort((a, b) => a.time - b.time).map((action) => structuredClone(action));
  }

  async writeSnapshot(id: SnapshotId, records: SnapshotRecord[], ttlSeconds: number): Promise<void> {
    this.snapshots.set(keys.snapshot(id), {
      records: structuredClone(records),
      expiresAt: this.now() + ttlSeconds * 1000,
    });
  }

  async readSnapshot(id: SnapshotId): Promise<SnapshotRecord[] | null> {
    const key = keys.snapshot(id);
    const snapshot = this.snapshots.get(key);
    if (!snapshot) return null;
    if (snapshot.expiresAt <= this.now()) {
      this.snapshots.delete(key);
      return null;
    }
    return structuredClone(snapshot.records);
  }

  private sorted(series: SeriesId): Sourced<Bar>[] {
    return [...(this.series.get(keys.series(series))?.values() ?? [])].sort((a, b) => a.time - b.time);
  }
}

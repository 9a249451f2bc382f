/// <reference types="jest" />
import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import { InvalidStoreInputError } from '../store-errors.js';
import type { StoreFixture } from '../store-contract.js';
import { makeBar, series, snapshotId, snapshotRecords, T0, DAY_MS } from './fixtures.js';

export function describeBarStoreCases(stores: () => StoreFixture): void {
  describe('BarStore', () => {
    it('reads an empty series as no bars and writes nothing for no bars', async () => {
      const { bars } = stores();
      expect(await bars.upsert(series, [])).toBe(0);
      expect(await bars.range(series)).toEqual([]);
      expect(await bars.last(series)).toBeNull();
    });

    it('returns bars oldest first whatever the write order, with nulls and fractions intact', async () => {
      const { bars } = stores();
      expect(await bars.upsert(series, [makeBar(2), makeBar(0), makeBar(1)])).toBe(3);
      expect(await bars.range(series)).toEqual([makeBar(0), makeBar(1), makeBar(2)]);
    });

    it('replaces overlapping bars in place instead of duplicating them', async () => {
      const { bars } = stores();
      await bars.upsert(series, [makeBar(0), makeBar(1), makeBar(2)]);
      expect(await bars.upsert(series, [makeBar(1, 500), makeBar(2, 500), makeBar(3, 500)])).toBe(3);
      expect(await bars.range(series)).toEqual([makeBar(0), makeBar(1, 500), makeBar(2, 500), makeBar(3, 500)]);
      await bars.upsert(series, [makeBar(1, 500)]);
      expect(await bars.range(series)).toHaveLength(4);
    });

    it('keeps the source of each bar, a re-fetch from another provider replacing it with the bar', async () => {
      const { bars } = stores();
      const { source: _, ...unnamed } = makeBar(2);
      await bars.upsert(series, [makeBar(0), makeBar(1, 100, 'finnhub'), unnamed]);
      await bars.upsert(series, [makeBar(0, 300, 'alpha_vantage')]);
      expect(await bars.range(series)).toEqual([makeBar(0, 300, 'alpha_vantage'), makeBar(1, 100, 'finnhub'), makeBar(2, 100, STORED_SOURCE_DEFAULT)]);
      expect(await bars.last(series)).toEqual(makeBar(2));
    });

    it('refuses a range bound that is not a finite number with a typed error', async () => {
      const { bars } = stores();
      await bars.upsert(series, [makeBar(0)]);
      for (const [from, to] of [[NaN, undefined], [undefined, NaN], [T0, Infinity], [-Infinity, T0]]) {
        await expect(bars.range(series, from, to)).rejects.toThrow(InvalidStoreInputError);
      }
      expect(await bars.range(series)).toEqual([makeBar(0)]);
    });

    it('bounds a range inclusively at both ends, each bound optional', async () => {
      const { bars } = stores();
      await bars.upsert(series, [0, 1, 2, 3, 4].map((day) => makeBar(day)));
      const times = async (from?: number, to?: number) =>
        (await bars.range(series, from, to)).map((bar) => (bar.time - T0) / DAY_MS);
      expect(await times(T0 + DAY_MS, T0 + 3 * DAY_MS)).toEqual([1, 2, 3]);
      expect(await times(T0 + DAY_MS + 1, T0 + 3 * DAY_MS - 1)).toEqual([2]);
      expect(await times(T0 + 3 * DAY_MS)).toEqual([3, 4]);
      expect(await times(undefined, T0 + DAY_MS)).toEqual([0, 1]);
      expect(await times(T0 + 9 * DAY_MS)).toEqual([]);
    });

    it('returns the newest bar as last', async () => {
      const { bars } = stores();
      await bars.upsert(series, [makeBar(3), makeBar(7), makeBar(5)]);
      expect(await bars.last(series)).toEqual(makeBar(7));
    });

    it('tells the newest bar and the recorded start of the complete span, none for an empty series', async () => {
      const { bars } = stores();
      expect(await bars.coverage(series)).toBeNull();
      await bars.upsert(series, [makeBar(5), makeBar(9), makeBar(7)]);
      expect(await bars.coverage(series)).toEqual({ newest: makeBar(9).time, from: null });
      await bars.upsert(series, [], { from: T0 + 2 * DAY_MS, through: T0 + 9 * DAY_MS });
      await bars.upsert(series, [makeBar(1)], { from: T0 + DAY_MS, through: T0 + 9 * DAY_MS });
      expect(await bars.coverage({ ...series, symbol: series.symbol.toLowerCase() })).toEqual({ newest: makeBar(9).time, from: T0 + DAY_MS });
      await bars.upsert({ ...series, interval: '1h' }, [makeBar(3)]);
      expect(await bars.coverage({ ...series, interval: '1h' })).toEqual({ newest: makeBar(3).time, from: null });
      expect(await bars.range(series)).toEqual([makeBar(1), makeBar(5), makeBar(7), makeBar(9)]);
    });

    it('records a covered span only when it reaches the newest bar, so two windows that do not meet never claim the gap between them', async () => {
      const { bars } = stores();
      const days = (first: number, last: number) => ({ from: T0 + first * DAY_MS, through: T0 + last * DAY_MS });
      // Two runs that both found the series empty, for days 0–2 and days 6–8; the later window writes first.
      await bars.upsert(series, [makeBar(6), makeBar(8)], days(6, 8));
      await bars.upsert(series, [makeBar(0), makeBar(2)], days(0, 2));
      expect(await bars.coverage(series)).toEqual({ newest: makeBar(8).time, from: T0 + 6 * DAY_MS });

      // The other order: the later window's bars lie past a gap, so only they count as complete.
      const other = { ...series, interval: '1wk' };
      await bars.upsert(other, [makeBar(0), makeBar(2)], days(0, 2));
      await bars.upsert(other, [makeBar(6), makeBar(8)], days(6, 8));
      expect(await bars.coverage(other)).toEqual({ newest: makeBar(8).time, from: T0 + 6 * DAY_MS });

      // A span that reaches the newest bar moves the start earlier.
      await bars.upsert(series, [makeBar(1), makeBar(4)], days(0, 8));
      expect(await bars.coverage(series)).toEqual({ newest: makeBar(8).time, from: T0 });
    });

    it('keeps series apart by prefix and interval, treating the symbol case-insensitively', async () => {
      const { bars } = stores();
      await bars.upsert({ ...series, symbol: 'aapl' }, [makeBar(0)]);
      await bars.upsert({ ...series, interval: '1h' }, [makeBar(1)]);
      await bars.upsert({ ...series, prefix: 'other' }, [makeBar(2)]);
      expect(await bars.range(series)).toEqual([makeBar(0)]);
      expect(await bars.range({ ...series, interval: '1h' })).toEqual([makeBar(1)]);
      expect(await bars.last({ ...series, prefix: 'other' })).toEqual(makeBar(2));
    });

    it('reads back a snapshot, and null for one never written', async () => {
      const { bars } = stores();
      await bars.writeSnapshot(snapshotId, snapshotRecords, 60);
      expect(await bars.readSnapshot(snapshotId)).toEqual(snapshotRecords);
      expect(await bars.readSnapshot({ ...snapshotId, end_date: '2025-02-28' })).toBeNull();
      await bars.writeSnapshot(snapshotId, snapshotRecords.slice(1), 60);
      expect(await bars.readSnapshot(snapshotId)).toEqual(snapshotRecords.slice(1));
    });

    it('forgets a snapshot once its TTL has passed', async () => {
      const { bars, passTime } = stores();
      await bars.writeSnapshot(snapshotId, snapshotRecords, 1);
      await passTime(500);
      expect(await bars.readSnapshot(snapshotId)).toEqual(snapshotRecords);
      await passTime(700);
      expect(await bars.readSnapshot(snapshotId)).toBeNull();
    });

    it('keeps splits and dividends per symbol, oldest first, replacing a repeated one in place', async () => {
      const { bars } = stores();
      const split = { time: T0, kind: 'split' as const, numerator: 4, denominator: 1 };
      const dividend = { time: T0 + DAY_MS, kind: 'dividend' as const, amount: 0.205 };
      expect(await bars.actions(series)).toEqual([]);
      expect(await bars.upsertActions(series, [])).toBe(0);
      expect(await bars.upsertActions(series, [dividend, split])).toBe(2);
      expect(await bars.upsertActions(series, [{ ...dividend, amount: 0.21 }])).toBe(1);
      expect(await bars.actions({ prefix: series.prefix, symbol: series.symbol.toLowerCase() })).toEqual([split, { ...dividend, amount: 0.21 }]);
      expect(await bars.actions({ prefix: 'elsewhere', symbol: series.symbol })).toEqual([]);
    });
  });
}

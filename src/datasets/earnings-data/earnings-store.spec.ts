import { describeAdapters } from '../../storage/contract/describe-adapters.js';
import { ESTIMATED, FETCHED_T0, makeEarnings, NEXT_DATES, QUARTERS } from './earnings-fixtures.js';
import type { EarningsStore } from './earnings-store.js';
import { MemoryEarningsStore } from './memory-earnings-store.js';
import { RedisEarningsStore } from './redis-earnings-store.js';

const aapl = { prefix: 'stock', symbol: 'AAPL' };
const hours = (n: number) => FETCHED_T0 + n * 3_600_000;

describeAdapters<EarningsStore>('EarningsStore', { memory: () => new MemoryEarningsStore(), redis: (client) => new RedisEarningsStore(client) }, (stores) => {
  it('reads nothing for a symbol without earnings', async () => {
    expect(await stores().read(aapl)).toBeNull();
  });

  it('keeps the provider of the latest fetch; an older fetch changes it not', async () => {
    const earnings = stores();
    await earnings.write(aapl, makeEarnings(), hours(0), 'alpha_vantage');
    expect(await earnings.write(aapl, makeEarnings(), hours(6), 'finnhub')).toBe(0);
    await earnings.write(aapl, makeEarnings(), hours(1), 'polygon');
    expect(await earnings.read(aapl)).toEqual({ fetched_at: hours(6), source: 'finnhub', ...makeEarnings() });
  });

  it('stores quarters oldest first whatever the order given, every number intact, and counts them', async () => {
    const earnings = stores();
    const quarters = [QUARTERS[2], ESTIMATED, QUARTERS[0]];
    expect(await earnings.write(aapl, makeEarnings({ quarters }), hours(0))).toBe(3);
    expect(await earnings.read({ prefix: 'stock', symbol: 'aapl' })).toEqual({ fetched_at: hours(0), source: 'yahoo', next_earnings_dates: NEXT_DATES, quarters: [QUARTERS[0], QUARTERS[2], ESTIMATED] });
    expect(await earnings.read({ ...aapl, prefix: 'other' })).toBeNull();
  });

  it('upserts quarters by quarter end: an unchanged one is not written again, never duplicated', async () => {
    const earnings = stores();
    await earnings.write(aapl, makeEarnings({ quarters: QUARTERS.slice(0, 3) }), hours(0));
    expect(await earnings.write(aapl, makeEarnings(), hours(6))).toBe(1);
    expect(await earnings.write(aapl, makeEarnings(), hours(12))).toBe(0);
    expect(await earnings.read(aapl)).toEqual({ fetched_at: hours(12), source: 'yahoo', next_earnings_dates: NEXT_DATES, quarters: QUARTERS });
  });

  it('replaces a quarter whose actual EPS changed and counts it; keeps quarters the provider no longer lists', async () => {
    const earnings = stores();
    await earnings.write(aapl, makeEarnings({ quarters: [...QUARTERS, ESTIMATED] }), hours(0));
    const reported = { ...ESTIMATED, eps_actual: 1.65, surprise_percent: 2.61 };
    expect(await earnings.write(aapl, makeEarnings({ quarters: [...QUARTERS.slice(2), reported] }), hours(6))).toBe(1);
    expect((await earnings.read(aapl))?.quarters).toEqual([...QUARTERS, reported]);
  });

  it('replaces the next earnings dates, also by none', async () => {
    const earnings = stores();
    await earnings.write(aapl, makeEarnings(), hours(0));
    expect(await earnings.write(aapl, makeEarnings({ next_earnings_dates: [NEXT_DATES[1]] }), hours(6))).toBe(0);
    expect((await earnings.read(aapl))?.next_earnings_dates).toEqual([NEXT_DATES[1]]);
    await earnings.write(aapl, makeEarnings({ next_earnings_dates: [] }), hours(12));
    expect(await earnings.read(aapl)).toEqual({ fetched_at: hours(12), source: 'yahoo', next_earnings_dates: [], quarters: QUARTERS });
  });

  it('stores next dates without any quarter', async () => {
    const earnings = stores();
    expect(await earnings.write(aapl, makeEarnings({ quarters: [] }), hours(0))).toBe(0);
    expect(await earnings.read(aapl)).toEqual({ fetched_at: hours(0), source: 'yahoo', next_earnings_dates: NEXT_DATES, quarters: [] });
  });

  it('ignores a fetch older than the stored one', async () => {
    const earnings = stores();
    await earnings.write(aapl, makeEarnings(), hours(6));
    expect(await earnings.write(aapl, makeEarnings({ next_earnings_dates: [], quarters: [ESTIMATED] }), hours(0))).toBe(0);
    expect(await earnings.read(aapl)).toEqual({ fetched_at: hours(6), source: 'yahoo', ...makeEarnings() });
  });
});

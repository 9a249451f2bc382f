import { describeAdapters } from '../../storage/contract/describe-adapters.js';
import { MemoryOptionsStore } from './memory-options-store.js';
import { EXPIRATIONS, FETCHED_T0, makeContract, makeSnapshot } from './option-fixtures.js';
import type { OptionsStore } from './options-store.js';
import { RedisOptionsStore } from './redis-options-store.js';

const aapl = { prefix: 'stock', symbol: 'AAPL' };
const at = (minutes: number) => FETCHED_T0 + minutes * 60_000;

describeAdapters<OptionsStore>('OptionsStore', { memory: () => new MemoryOptionsStore(), redis: (client) => new RedisOptionsStore(client) }, (stores) => {
  it('reads nothing for a symbol without snapshots', async () => {
    const options = stores();
    expect(await options.read(aapl)).toBeNull();
    expect(await options.read(aapl, { expiration: EXPIRATIONS[0], at: at(0) })).toBeNull();
  });

  it('stores a snapshot per fetch and expiration, every field intact, and counts its contracts', async () => {
    const options = stores();
    const odd = makeSnapshot(0, 1, { underlying_price: null, calls: [makeContract(0.5, 'C', { in_the_money: null, last_trade_date: null })] });
    expect(await options.write(aapl, makeSnapshot(0, 0), 0)).toBe(3);
    expect(await options.write(aapl, odd, 0)).toBe(2);
    expect(await options.read(aapl, { expiration: EXPIRATIONS[1] })).toEqual(odd);
    expect(await options.read({ prefix: 'stock', symbol: 'aapl' }, { expiration: EXPIRATIONS[0] })).toEqual(makeSnapshot(0, 0));
  });

  it('keeps the source of each snapshot; one stored without a source reads back as yahoo', async () => {
    const options = stores();
    const { source: _, ...unnamed } = makeSnapshot(0, 0);
    await options.write(aapl, unnamed, 0);
    await options.write(aapl, makeSnapshot(0, 1, { source: 'polygon' }), 0);
    expect(await options.read(aapl, { expiration: EXPIRATIONS[0] })).toEqual(makeSnapshot(0, 0));
    expect((await options.read(aapl, { expiration: EXPIRATIONS[1] }))?.source).toBe('polygon');
  });

  it('reads the nearest expiration of the latest fetch by default, whatever the write order', async () => {
    const options = stores();
    await options.write(aapl, makeSnapshot(0, 0), 0);
    await options.write(aapl, makeSnapshot(5, 2), 0);
    await options.write(aapl, makeSnapshot(5, 1), 0);
    expect(await options.read(aapl)).toEqual(makeSnapshot(5, 1));
    expect(await options.read(aapl, { at: at(4) })).toEqual(makeSnapshot(0, 0));
  });

  it('reads the latest snapshot of an expiration at or before a time, inclusively', async () => {
    const options = stores();
    for (const minutes of [0, 5, 10]) {
      await options.write(aapl, makeSnapshot(minutes, 0), 0);
      await options.write(aapl, makeSnapshot(minutes, 1), 0);
    }
    await options.write(aapl, makeSnapshot(15, 0), 0);
    expect(await options.read(aapl, { expiration: EXPIRATIONS[1] })).toEqual(makeSnapshot(10, 1));
    expect(await options.read(aapl, { expiration: EXPIRATIONS[1], at: at(5) })).toEqual(makeSnapshot(5, 1));
    expect(await options.read(aapl, { expiration: EXPIRATIONS[0], at: at(9) })).toEqual(makeSnapshot(5, 0));
    expect(await options.read(aapl, { expiration: EXPIRATIONS[2] })).toBeNull();
    expect(await options.read(aapl, { at: at(0) - 1 })).toBeNull();
  });

  it('finds an expiration last fetched long before the latest fetches', async () => {
    const options = stores();
    await options.write(aapl, makeSnapshot(0, 2), 0);
    for (let minutes = 1; minutes <= 40; minutes++) await options.write(aapl, makeSnapshot(minutes, 0), 0);
    expect(await options.read(aapl, { expiration: EXPIRATIONS[2] })).toEqual(makeSnapshot(0, 2));
  });

  it('replaces the snapshot of a fetch and expiration written again', async () => {
    const options = stores();
    await options.write(aapl, makeSnapshot(0, 0), 0);
    const again = makeSnapshot(0, 0, { underlying_price: 1 });
    await options.write(aapl, again, 0);
    expect(await options.read(aapl)).toEqual(again);
    expect(await options.read(aapl, { at: at(0) - 1 })).toBeNull();
    await options.write(aapl, makeSnapshot(1, 0), 0);
    expect(await options.read(aapl, { expiration: EXPIRATIONS[0], at: at(0) })).toEqual(again);
  });

  it('drops the snapshots fetched before the retention on write, and stores none older', async () => {
    const options = stores();
    for (const minutes of [0, 5, 10]) await options.write(aapl, makeSnapshot(minutes, 0), 0);
    expect(await options.write(aapl, makeSnapshot(1, 1), at(5))).toBe(0);
    expect(await options.read(aapl, { at: at(4) })).toBeNull();
    expect(await options.read(aapl, { expiration: EXPIRATIONS[1] })).toBeNull();
    expect(await options.read(aapl, { at: at(5) })).toEqual(makeSnapshot(5, 0));
    expect(await options.write(aapl, makeSnapshot(20, 0), at(20))).toBe(3);
    expect(await options.read(aapl, { at: at(19) })).toBeNull();
  });
});

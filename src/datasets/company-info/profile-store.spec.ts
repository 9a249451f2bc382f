import { describeAdapters } from '../../storage/contract/describe-adapters.js';
import { MemoryProfileStore } from './memory-profile-store.js';
import { EMPTY_PROFILE, FETCHED_T0, makeProfile, WEEK_MS } from './profile-fixtures.js';
import type { ProfileStore } from './profile-store.js';
import { RedisProfileStore } from './redis-profile-store.js';

const aapl = { prefix: 'stock', symbol: 'AAPL' };
const week = (n: number) => FETCHED_T0 + n * WEEK_MS;

describeAdapters<ProfileStore>('ProfileStore', { memory: () => new MemoryProfileStore(), redis: (client) => new RedisProfileStore(client) }, (stores) => {
  it('reads nothing for a symbol without a profile', async () => {
    expect(await stores().read(aapl)).toBeNull();
  });

  it('stores a first profile with every field intact, as written, and no changes', async () => {
    const profiles = stores();
    const odd = makeProfile({ sector: null, employees: 0, officers: [{ name: 'Ms. Ünïcode "Quoted"', title: null }], summary: 'line\nbreak' });
    expect(await profiles.write(aapl, odd, week(0))).toBe(1);
    expect(await profiles.read({ prefix: 'stock', symbol: 'aapl' })).toEqual({ profile: odd, fetched_at: week(0), source: 'yahoo', changes: [] });
    expect(await profiles.write({ ...aapl, symbol: 'MSFT' }, EMPTY_PROFILE, week(0))).toBe(1);
    expect(await profiles.read({ ...aapl, symbol: 'MSFT' })).toEqual({ profile: EMPTY_PROFILE, fetched_at: week(0), source: 'yahoo', changes: [] });
    expect(await profiles.read({ ...aapl, prefix: 'other' })).toBeNull();
  });

  it('keeps the provider of the latest fetch, which is no change of the profile', async () => {
    const profiles = stores();
    await profiles.write(aapl, makeProfile(), week(0), 'finnhub');
    expect((await profiles.read(aapl))?.source).toBe('finnhub');
    expect(await profiles.write(aapl, makeProfile(), week(1), 'polygon')).toBe(0);
    expect(await profiles.read(aapl)).toEqual({ profile: makeProfile(), fetched_at: week(1), source: 'polygon', changes: [] });
    // An older fetch changes nothing, its source neither.
    await profiles.write(aapl, makeProfile(), week(0), 'alpha_vantage');
    expect((await profiles.read(aapl))?.source).toBe('polygon');
  });

  it('writes nothing new for an unchanged fetch: only the fetch time moves', async () => {
    const profiles = stores();
    await profiles.write(aapl, makeProfile(), week(0));
    // Same values, officers' keys in another order: still unchanged.
    const reordered = makeProfile({ officers: makeProfile().officers.map(({ name, title }) => ({ title, name })) });
    expect(await profiles.write(aapl, reordered, week(1))).toBe(0);
    expect(await profiles.read(aapl)).toEqual({ profile: makeProfile(), fetched_at: week(1), source: 'yahoo', changes: [] });
  });

  it('keeps each changed field with its time and old and new value, oldest first', async () => {
    const profiles = stores();
    const newCeo = [{ name: 'Mr. Jeffrey E. Williams', title: 'CEO' }, ...makeProfile().officers.slice(1)];
    await profiles.write(aapl, makeProfile(), week(0));
    expect(await profiles.write(aapl, makeProfile({ officers: newCeo }), week(1))).toBe(1);
    expect(await profiles.write(aapl, makeProfile({ officers: newCeo }), week(2))).toBe(0);
    expect(await profiles.write(aapl, makeProfile({ officers: newCeo, sector: 'Communication Services', employees: 161000 }), week(3))).toBe(1);
    expect(await profiles.read(aapl)).toEqual({
      profile: makeProfile({ officers: newCeo, sector: 'Communication Services', employees: 161000 }),
      fetched_at: week(3),
      source: 'yahoo',
      changes: [
        { at: week(1), field: 'officers', from: makeProfile().officers, to: newCeo },
        { at: week(3), field: 'sector', from: 'Technology', to: 'Communication Services' },
        { at: week(3), field: 'employees', from: 150000, to: 161000 },
      ],
    });
  });

  it('records a field that became null, and one that came back', async () => {
    const profiles = stores();
    await profiles.write(aapl, makeProfile(), week(0));
    await profiles.write(aapl, makeProfile({ website: null }), week(1));
    await profiles.write(aapl, makeProfile(), week(2));
    expect((await profiles.read(aapl))?.changes).toEqual([
      { at: week(1), field: 'website', from: 'https://www.apple.com', to: null },
      { at: week(2), field: 'website', from: null, to: 'https://www.apple.com' },
    ]);
  });

  it('ignores a fetch older than the stored one, so that overlapping runs never record a change backwards', async () => {
    const profiles = stores();
    await profiles.write(aapl, makeProfile({ sector: 'Services' }), week(2));
    expect(await profiles.write(aapl, makeProfile(), week(1))).toBe(0);
    expect(await profiles.read(aapl)).toEqual({ profile: makeProfile({ sector: 'Services' }), fetched_at: week(2), source: 'yahoo', changes: [] });
  });

  it('loses no change of concurrent writes', async () => {
    const profiles = stores();
    await profiles.write(aapl, makeProfile(), week(0));
    const sectors = ['A', 'B', 'C', 'D'];
    await Promise.all(sectors.map((sector, n) => profiles.write(aapl, makeProfile({ sector }), week(1) + n)));
    // Had a write compared against what it read before another wrote, two changes would start from Technology.
    expect((await profiles.read(aapl))?.changes.map(({ from, to }) => [from, to])).toEqual([
      ['Technology', 'A'],
      ['A', 'B'],
      ['B', 'C'],
      ['C', 'D'],
    ]);
  });
});

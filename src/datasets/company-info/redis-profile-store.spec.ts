import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { FETCHED_T0, makeProfile, WEEK_MS } from './profile-fixtures.js';
import { RedisProfileStore } from './redis-profile-store.js';

const aapl = { prefix: 'stock', symbol: 'aapl' };

describe('Redis profile layout', () => {
  let keyspace: RedisKeyspace;
  let profiles: RedisProfileStore;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
    profiles = new RedisProfileStore(keyspace.client);
  });
  afterEach(() => keyspace.cleanup());

  it('keeps a profile at {prefix}:{SYMBOL}:profile, a hash field of JSON per profile field, with fetched_at and the changes', async () => {
    await profiles.write(aapl, makeProfile({ country: null }), FETCHED_T0);
    await profiles.write(aapl, makeProfile({ country: null, employees: 164000 }), FETCHED_T0 + WEEK_MS);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}stock:AAPL:profile`]);
    expect(await keyspace.client.hgetall('stock:AAPL:profile')).toEqual({
      name: '"Apple Inc."',
      sector: '"Technology"',
      industry: '"Consumer Electronics"',
      website: '"https://www.apple.com"',
      employees: '164000',
      summary: JSON.stringify(makeProfile().summary),
      officers: '[{"name":"Mr. Timothy D. Cook","title":"CEO & Director"},{"name":"Mr. Kevan  Parekh","title":"Senior VP & CFO"}]',
      currency: '"USD"',
      exchange: '"NasdaqGS"',
      fetched_at: String(FETCHED_T0 + WEEK_MS),
      source: 'yahoo',
      changes: `[{"at":${FETCHED_T0 + WEEK_MS},"field":"employees","from":150000,"to":164000}]`,
    });
  });

  it('reads a profile stored before sources were kept (no source field) as from yahoo', async () => {
    await profiles.write(aapl, makeProfile(), FETCHED_T0, 'finnhub');
    await keyspace.client.hdel('stock:AAPL:profile', 'source');
    expect((await profiles.read(aapl))?.source).toBe('yahoo');
  });

  it('writes in one script call and reads in one command', async () => {
    // The first call loads the script into Redis; from then on a write is one EVALSHA.
    await profiles.write(aapl, makeProfile(), FETCHED_T0);
    expect(await commandsSentBy(keyspace.client, () => profiles.write(aapl, makeProfile({ sector: null }), FETCHED_T0 + WEEK_MS))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => profiles.read(aapl))).toEqual(['hgetall']);
  });
});

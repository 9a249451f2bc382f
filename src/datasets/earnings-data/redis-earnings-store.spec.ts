import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { ESTIMATED, FETCHED_T0, makeEarnings, NEXT_DATES, QUARTERS } from './earnings-fixtures.js';
import { RedisEarningsStore } from './redis-earnings-store.js';

const aapl = { prefix: 'stock', symbol: 'aapl' };

describe('Redis earnings layout', () => {
  let keyspace: RedisKeyspace;
  let earnings: RedisEarningsStore;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
    earnings = new RedisEarningsStore(keyspace.client);
  });
  afterEach(() => keyspace.cleanup());

  it('keeps earnings at {prefix}:{SYMBOL}:earnings, a hash field per quarter end with its numbers as JSON, next and fetched_at', async () => {
    await earnings.write(aapl, makeEarnings({ quarters: [QUARTERS[3], ESTIMATED] }), FETCHED_T0);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}stock:AAPL:earnings`]);
    expect(await keyspace.client.hgetall('stock:AAPL:earnings')).toEqual({
      'q:2024-12-31': '[2.4,2.34102,2.52]',
      'q:2025-03-31': '[null,1.60796,null]',
      next: `[${NEXT_DATES.join(',')}]`,
      fetched_at: String(FETCHED_T0),
      source: 'yahoo',
    });
  });

  it('reads earnings stored before sources were kept (no source field) as from yahoo', async () => {
    await earnings.write(aapl, makeEarnings(), FETCHED_T0, 'finnhub');
    await keyspace.client.hdel('stock:AAPL:earnings', 'source');
    expect((await earnings.read(aapl))?.source).toBe('yahoo');
  });

  it('writes in one script call and reads in one command', async () => {
    // The first call loads the script into Redis; from then on a write is one EVALSHA.
    await earnings.write(aapl, makeEarnings({ quarters: [] }), FETCHED_T0);
    expect(await commandsSentBy(keyspace.client, () => earnings.write(aapl, makeEarnings(), FETCHED_T0 + 1))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => earnings.read(aapl))).toEqual(['hgetall']);
  });
});

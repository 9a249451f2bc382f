import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { EXPIRATIONS, makeSnapshot } from './option-fixtures.js';
import { RedisOptionsStore } from './redis-options-store.js';

const aapl = { prefix: 'stock', symbol: 'aapl' };

describe('Redis options layout', () => {
  let keyspace: RedisKeyspace;
  let options: RedisOptionsStore;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
    options = new RedisOptionsStore(keyspace.client);
  });
  afterEach(() => keyspace.cleanup());

  it('keeps snapshots at {prefix}:{SYMBOL}:options, scored by fetch time, as expiration tag and JSON arrays', async () => {
    const snapshot = makeSnapshot(0, 0, { calls: [], puts: [makeSnapshot(0).puts[0]] });
    await options.write(aapl, snapshot, 0);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}stock:AAPL:options`]);
    const [member, score] = await keyspace.client.zrangebyscore('stock:AAPL:options', '-inf', '+inf', 'WITHSCORES');
    expect(score).toBe(String(snapshot.fetched_at));
    expect(member).toBe(
      `00${EXPIRATIONS[0]}|[${snapshot.fetched_at},245.55,[${EXPIRATIONS.join(',')}],${EXPIRATIONS[0]},[],` +
        '[["AAPL250228P00200000",200,111.67,135.9,136.65,0,12,0,3.58593853515625,false,1737487202000]]]',
    );
  });

  it('reads a snapshot in one command, whichever expiration is asked for', async () => {
    for (let minutes = 0; minutes < 3; minutes++) for (const expiration of [0, 1]) await options.write(aapl, makeSnapshot(minutes, expiration), 0);
    expect(await commandsSentBy(keyspace.client, () => options.read(aapl))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => options.read(aapl, { expiration: EXPIRATIONS[1], at: makeSnapshot(1).fetched_at }))).toEqual(['evalsha']);
  });
});

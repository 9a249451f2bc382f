import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { makeEvent } from './economic-event-fixtures.js';
import { RedisEconomicEventStore } from './redis-economic-event-store.js';

describe('Redis economic events layout', () => {
  let keyspace: RedisKeyspace;
  let events: RedisEconomicEventStore;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
    events = new RedisEconomicEventStore(keyspace.client);
  });
  afterEach(() => keyspace.cleanup());

  it('keeps rows by release id at {prefix}:economic_events and the ids by time beside them', async () => {
    const event = makeEvent(0);
    await events.write('calendar', [event], 0);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}calendar:economic_events`, `${keyspace.prefix}calendar:economic_events:by_time`]);
    const id = `${event.time}|AU|Australia - Current Account Balance`;
    expect(await keyspace.client.hgetall('calendar:economic_events')).toEqual({ [id]: '["low",8.4,6.9,1,"AUD"]' });
    expect(await keyspace.client.zrangebyscore('calendar:economic_events:by_time', '-inf', '+inf', 'WITHSCORES')).toEqual([id, String(event.time)]);
    // A source other than yahoo ends the row; a row without one (as all were before) is yahoo's.
    await events.write('calendar', [makeEvent(0, { source: 'finnhub' })], 0);
    expect(await keyspace.client.hget('calendar:economic_events', id)).toBe('["low",8.4,6.9,1,"AUD","finnhub"]');
  });

  it('writes and reads in one command each', async () => {
    expect(await commandsSentBy(keyspace.client, () => events.write('calendar', [makeEvent(0), makeEvent(1)], 0))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => events.range('calendar', { countries: ['AU'], limit: 1 }))).toEqual(['evalsha']);
  });
});

import type { Redis } from 'ioredis';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import { decodeEvent, encodeEventRow, eventId } from './economic-event-codec.js';
import type { EconomicEvent, StoredEvent } from './economic-event.js';
import { READ_EVENTS, WRITE_EVENTS } from './economic-event-scripts.js';
import type { EconomicEventStore, EconomicEventsQuery } from './economic-event-store.js';

/**
 * {@link EconomicEventStore} on Redis: a hash of rows by release id at `{prefix}:economic_events`,
 * and the ids by release time in `{prefix}:economic_events:by_time`; written and read in one script each.
 */
export class RedisEconomicEventStore implements EconomicEventStore {
  private readonly writeEvents: ScriptCall<number>;
  private readonly readEvents: ScriptCall<string[]>;

  constructor(private readonly client: Redis) {
    this.writeEvents = defineScript(client, 'writeEconomicEvents', WRITE_EVENTS);
    this.readEvents = defineScript(client, 'readEconomicEvents', READ_EVENTS);
  }

  write(prefix: string, events: EconomicEvent[], keepFrom: number): Promise<number> {
    const args = events.flatMap((event) => [eventId(event), String(event.time), encodeEventRow(event)]);
    return redisCall(() => this.writeEvents([keys.economicEvents(prefix), keys.economicEventTimes(prefix)], [String(keepFrom), ...args]));
  }

  async range(prefix: string, { from, to, countries = [], limit }: EconomicEventsQuery = {}): Promise<StoredEvent[]> {
    const bounds = [from === undefined ? '-inf' : String(from), to === undefined ? '+inf' : String(to)];
    const filter = countries.length ? `,${countries.join(',')},` : '';
    const flat = await redisCall(() => this.readEvents([keys.economicEvents(prefix), keys.economicEventTimes(prefix)], [...bounds, String(limit ?? 0), filter]));
    const events: StoredEvent[] = [];
    for (let i = 0; i < flat.length; i += 2) events.push(decodeEvent(flat[i], flat[i + 1]));
    return events;
  }

  async has(prefix: string): Promise<boolean> {
    return (await redisCall(() => this.client.exists(keys.economicEventTimes(prefix)))) === 1;
  }
}

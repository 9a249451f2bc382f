import { keys } from '../../storage/keys.js';
import { decodeEvent, encodeEventRow, eventId } from './economic-event-codec.js';
import type { EconomicEvent, StoredEvent } from './economic-event.js';
import type { EconomicEventStore, EconomicEventsQuery } from './economic-event-store.js';

/** In-process {@link EconomicEventStore} with the Redis adapter's semantics: rows by id, per prefix. */
export class MemoryEconomicEventStore implements EconomicEventStore {
  private readonly rows = new Map<string, Map<string, string>>();

  async write(prefix: string, events: EconomicEvent[], keepFrom: number): Promise<number> {
    const key = keys.economicEvents(prefix);
    const rows = this.rows.get(key) ?? new Map<string, string>();
    let written = 0;
    for (const event of events.filter(({ time }) => time >= keepFrom)) {
      const id = eventId(event);
      const row = encodeEventRow(event);
      if (rows.get(id) !== row) written++;
      rows.set(id, row);
    }
    for (const id of rows.keys()) if (decodeEvent(id, rows.get(id)!).time < keepFrom) rows.delete(id);
    if (rows.size > 0) this.rows.set(key, rows);
    else this.rows.delete(key);
    return written;
  }

  async range(prefix: string, { from = -Infinity, to = Infinity, countries = [], limit }: EconomicEventsQuery = {}): Promise<StoredEvent[]> {
    const wanted = new Set(countries);
    const events = [...(this.rows.get(keys.economicEvents(prefix)) ?? [])]
      .map(([id, row]) => decodeEvent(id, row))
      .filter(({ time, country }) => time >= from && time <= to && (wanted.size === 0 || wanted.has(country)))
      // Redis orders members of one score by their text: the id, whose time part is the same.
      .sort((a, b) => a.time - b.time || (eventId(a) < eventId(b) ? -1 : 1));
    return events.slice(0, limit);
  }

  async has(prefix: string): Promise<boolean> {
    return this.rows.has(keys.economicEvents(prefix));
  }
}

import { describeAdapters } from '../../storage/contract/describe-adapters.js';
import { makeEvent, RELEASED_T0 } from './economic-event-fixtures.js';
import type { EconomicEventStore } from './economic-event-store.js';
import { MemoryEconomicEventStore } from './memory-economic-event-store.js';
import { RedisEconomicEventStore } from './redis-economic-event-store.js';

const at = (hours: number) => RELEASED_T0 + hours * 3_600_000;

describeAdapters<EconomicEventStore>('EconomicEventStore', { memory: () => new MemoryEconomicEventStore(), redis: (client) => new RedisEconomicEventStore(client) }, (stores) => {
  it('has nothing under a prefix no run wrote to', async () => {
    const events = stores();
    expect(await events.has('calendar')).toBe(false);
    expect(await events.range('calendar')).toEqual([]);
  });

  it('stores each release once, oldest first, every field intact, and counts what was new', async () => {
    const events = stores();
    const odd = makeEvent(1, { country: 'US', event: 'Nonfarm | Payrolls', impact: null, actual: null, estimate: -0.25, previous: null, unit: null });
    expect(await events.write('calendar', [makeEvent(2), odd, makeEvent(0)], 0)).toBe(3);
    expect(await events.write('calendar', [makeEvent(0), odd], 0)).toBe(0);
    expect(await events.range('calendar')).toEqual([makeEvent(0), odd, makeEvent(2)]);
    expect(await events.has('calendar')).toBe(true);
    expect(await events.has('other')).toBe(false);
  });

  it('keeps the source of each release, replaced with the release; one stored without a source reads as yahoo', async () => {
    const events = stores();
    const { source: _, ...unnamed } = makeEvent(0);
    await events.write('calendar', [unnamed, makeEvent(1, { source: 'finnhub' })], 0);
    expect(await events.range('calendar')).toEqual([makeEvent(0), makeEvent(1, { source: 'finnhub' })]);
    expect(await events.write('calendar', [makeEvent(0, { source: 'finnhub' })], 0)).toBe(1);
    expect((await events.range('calendar')).map((event) => event.source)).toEqual(['finnhub', 'finnhub']);
  });

  it('revises a release whose values changed, in place', async () => {
    const events = stores();
    await events.write('calendar', [makeEvent(0, { actual: null })], 0);
    expect(await events.write('calendar', [makeEvent(0)], 0)).toBe(1);
    expect(await events.range('calendar')).toEqual([makeEvent(0)]);
  });

  it('reads a time range inclusively, by country, and the earliest `limit` of it', async () => {
    const events = stores();
    const us = (hours: number) => makeEvent(hours, { country: 'US', event: 'CPI' });
    await events.write('calendar', [makeEvent(0), us(1), makeEvent(2), us(3), makeEvent(4)], 0);
    expect(await events.range('calendar', { from: at(1), to: at(3) })).toEqual([us(1), makeEvent(2), us(3)]);
    expect(await events.range('calendar', { countries: ['US'] })).toEqual([us(1), us(3)]);
    expect(await events.range('calendar', { countries: ['US', 'AU'], limit: 2 })).toEqual([makeEvent(0), us(1)]);
    expect(await events.range('calendar', { countries: ['JP'] })).toEqual([]);
  });

  it('orders releases of one time by their id, and keeps prefixes apart', async () => {
    const events = stores();
    const b = makeEvent(0, { event: 'B' });
    const a = makeEvent(0, { event: 'A' });
    await events.write('calendar', [b, a], 0);
    await events.write('other', [makeEvent(5)], 0);
    expect(await events.range('calendar')).toEqual([a, b]);
    expect(await events.range('other')).toEqual([makeEvent(5)]);
  });

  it('drops releases before the retention as new ones arrive, and stores none older', async () => {
    const events = stores();
    await events.write('calendar', [makeEvent(0), makeEvent(10)], 0);
    expect(await events.write('calendar', [makeEvent(1), makeEvent(20)], at(5))).toBe(1);
    expect(await events.range('calendar')).toEqual([makeEvent(10), makeEvent(20)]);
    await events.write('calendar', [], at(30));
    expect(await events.has('calendar')).toBe(false);
  });
});

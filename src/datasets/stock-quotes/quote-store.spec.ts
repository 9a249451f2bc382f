import { describeAdapters } from '../../storage/contract/describe-adapters.js';
import { InvalidStoreInputError } from '../../storage/store-errors.js';
import { MemoryQuoteStore } from './memory-quote-store.js';
import { makeQuote, MINUTE_MS, QUOTE_T0 } from './quote-fixtures.js';
import type { QuoteStore } from './quote-store.js';
import { RedisQuoteStore } from './redis-quote-store.js';

const aapl = { prefix: 'stock', symbol: 'AAPL' };
const HOUR = 60;
const minutesOf = (quotes: { time: number }[]) => quotes.map((quote) => (quote.time - QUOTE_T0) / MINUTE_MS);

describeAdapters<QuoteStore>('QuoteStore', { memory: () => new MemoryQuoteStore(), redis: (client) => new RedisQuoteStore(client) }, (stores) => {
  it('reads an empty series as no quotes and writes nothing for no quotes', async () => {
    const quotes = stores();
    expect(await quotes.append(aapl, [], 0)).toBe(0);
    expect(await quotes.range(aapl)).toEqual([]);
    expect(await quotes.latest('stock', ['AAPL'])).toEqual({});
  });

  it('keeps every field as written, nulls and text of any kind included, oldest first whatever the write order', async () => {
    const quotes = stores();
    const odd = makeQuote(1, { change: null, bid: null, ask: null, volume: 0, market_state: 'PRE,POST~\n%', currency: 'GBp ü' });
    const written = [makeQuote(2, { price: 0.000123456789 }), odd, makeQuote(0, { day_high: 1e21, change_percent: -0.5 })];
    expect(await quotes.append(aapl, written, 0)).toBe(3);
    expect(await quotes.range(aapl)).toEqual([written[2], odd, written[0]]);
  });

  it('keeps the source of each quote; one stored without a source reads back as yahoo', async () => {
    const quotes = stores();
    const { source: _, ...unnamed } = makeQuote(2);
    await quotes.append(aapl, [makeQuote(0, { source: 'finnhub' }), makeQuote(1, { source: 'polygon' }), unnamed], 0);
    expect((await quotes.range(aapl)).map((quote) => quote.source)).toEqual(['finnhub', 'polygon', 'yahoo']);
    expect(await quotes.latest('stock', ['AAPL'])).toEqual({ AAPL: makeQuote(2) });
  });

  it('stores one quote per time: a re-fetch adds nothing, and the quote first stored for a time stays', async () => {
    const quotes = stores();
    await quotes.append(aapl, [makeQuote(0), makeQuote(1)], 0);
    expect(await quotes.append(aapl, [makeQuote(1, { price: 999 }), makeQuote(1)], 0)).toBe(0);
    expect(await quotes.append(aapl, [makeQuote(1), makeQuote(2), makeQuote(2)], 0)).toBe(1);
    expect(await quotes.range(aapl)).toEqual([makeQuote(0), makeQuote(1), makeQuote(2)]);
  });

  it('puts a late quote in its place, in its own hour or an earlier one', async () => {
    const quotes = stores();
    await quotes.append(aapl, [makeQuote(10), makeQuote(30, { open: 1, currency: 'EUR' }), makeQuote(HOUR + 5)], 0);
    expect(await quotes.append(aapl, [makeQuote(20, { bid: null }), makeQuote(5), makeQuote(HOUR + 1)], 0)).toBe(3);
    expect(await quotes.append(aapl, [makeQuote(HOUR + 6)], 0)).toBe(1);
    expect(await quotes.range(aapl)).toEqual([
      makeQuote(5),
      makeQuote(10),
      makeQuote(20, { bid: null }),
      makeQuote(30, { open: 1, currency: 'EUR' }),
      makeQuote(HOUR + 1),
      makeQuote(HOUR + 5),
      makeQuote(HOUR + 6),
    ]);
  });

  it('bounds a range inclusively at both ends across hours, and limits it to its newest quotes', async () => {
    const quotes = stores();
    const minutes = Array.from({ length: 5 * HOUR }, (_, minute) => minute * 1);
    for (let hour = 0; hour < 5; hour++) await quotes.append(aapl, minutes.slice(hour * HOUR, (hour + 1) * HOUR).map((m) => makeQuote(m)), 0);
    const at = (minute: number) => QUOTE_T0 + minute * MINUTE_MS;
    expect(minutesOf(await quotes.range(aapl, at(59), at(61)))).toEqual([59, 60, 61]);
    expect(minutesOf(await quotes.range(aapl, at(59) + 1, at(61) - 1))).toEqual([60]);
    expect(minutesOf(await quotes.range(aapl, at(298)))).toEqual([298, 299]);
    expect(minutesOf(await quotes.range(aapl, undefined, at(1)))).toEqual([0, 1]);
    expect(minutesOf(await quotes.range(aapl, undefined, undefined, 3))).toEqual([297, 298, 299]);
    expect(minutesOf(await quotes.range(aapl, at(10), at(250), 2))).toEqual([249, 250]);
    expect(await quotes.range(aapl, undefined, undefined, 1000)).toHaveLength(300);
    expect(minutesOf(await quotes.range(aapl, at(0), at(3), 1000))).toEqual([0, 1, 2, 3]);
    expect(await quotes.range(aapl, at(400))).toEqual([]);
  });

  it('drops quotes older than the retention on each write, stored or new, and counts only those kept', async () => {
    const quotes = stores();
    await quotes.append(aapl, Array.from({ length: 3 * HOUR }, (_, minute) => makeQuote(minute)), 0);
    const keepFrom = QUOTE_T0 + (HOUR + 30) * MINUTE_MS;
    expect(await quotes.append(aapl, [makeQuote(10), makeQuote(3 * HOUR)], keepFrom)).toBe(1);
    const kept = await quotes.range(aapl);
    expect(minutesOf(kept)).toEqual(Array.from({ length: 3 * HOUR - 90 + 1 }, (_, i) => 90 + i));
    expect(kept[0]).toEqual(makeQuote(90));
    expect(await quotes.append(aapl, [], QUOTE_T0 + 10 * HOUR * MINUTE_MS)).toBe(0);
    expect(await quotes.range(aapl)).toEqual([]);
    expect(await quotes.latest('stock', ['AAPL'])).toEqual({});
  });

  it('answers the newest quote of each symbol that has one, keyed by upper-case symbol', async () => {
    const quotes = stores();
    await quotes.append(aapl, [makeQuote(0), makeQuote(HOUR + 2, { bid: null }), makeQuote(HOUR + 1)], 0);
    await quotes.append({ prefix: 'stock', symbol: 'msft' }, [makeQuote(3, { price: 410.5 })], 0);
    await quotes.append({ prefix: 'other', symbol: 'GOOG' }, [makeQuote(4)], 0);
    expect(await quotes.latest('stock', ['aapl', 'MSFT', 'GOOG', 'NOPE'])).toEqual({
      AAPL: makeQuote(HOUR + 2, { bid: null }),
      MSFT: makeQuote(3, { price: 410.5 }),
    });
    expect(await quotes.latest('stock', [])).toEqual({});
    expect(await quotes.range({ prefix: 'stock', symbol: 'Msft' })).toEqual([makeQuote(3, { price: 410.5 })]);
  });

  it('refuses a range bound that is not a finite number with a typed error', async () => {
    const quotes = stores();
    for (const [from, to] of [[NaN, undefined], [undefined, Infinity]]) {
      await expect(quotes.range(aapl, from, to)).rejects.toThrow(InvalidStoreInputError);
    }
  });
});

import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { QUOTE_BLOCK_MS, quoteBlockStart } from './quote-block-codec.js';
import { makeQuote, MINUTE_MS, QUOTE_T0 } from './quote-fixtures.js';
import { RedisQuoteStore } from './redis-quote-store.js';

const aapl = { prefix: 'stock', symbol: 'aapl' };

describe('Redis quote layout', () => {
  let keyspace: RedisKeyspace;
  let quotes: RedisQuoteStore;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
    quotes = new RedisQuoteStore(keyspace.client);
  });
  afterEach(() => keyspace.cleanup());

  it('keeps a series at {prefix}:{SYMBOL}:quotes as a ZSET of hour blocks: a frame line, then a line per quote blank where it matches the frame', async () => {
    await quotes.append(aapl, [makeQuote(0), makeQuote(1, { day_high: 246, market_state: null })], 0);
    await quotes.append(aapl, [makeQuote(2)], 0);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}stock:AAPL:quotes`]);
    const start = quoteBlockStart(QUOTE_T0);
    const offset = QUOTE_T0 - start;
    expect(await keyspace.client.zrangebyscore('stock:AAPL:quotes', '-inf', '+inf', 'WITHSCORES')).toEqual([
      [
        '244.6,3.0700073,1.2710667,40896227,241.07,245.41,241,241.53,244.44,253.37,REGULAR,USD,yahoo',
        `${offset}`,
        `${offset + MINUTE_MS},244.61,,,40896228,,246,,,,,~`,
        `${offset + 2 * MINUTE_MS},244.62,,,40896229`,
      ].join('\n'),
      String(start),
    ]);
  });

  it('reads a block written before quotes kept their source as yahoo, and adds quotes of any source to it', async () => {
    const start = quoteBlockStart(QUOTE_T0);
    const offset = QUOTE_T0 - start;
    const frame = '244.6,3.0700073,1.2710667,40896227,241.07,245.41,241,241.53,244.44,253.37,REGULAR,USD';
    await keyspace.client.zadd('stock:AAPL:quotes', start, [frame, `${offset}`, `${offset + 2 * MINUTE_MS},244.62,,,40896229`].join('\n'));
    // A newer quote is appended to the block; an earlier one makes the script merge it.
    expect(await quotes.append(aapl, [makeQuote(4, { source: 'finnhub' }), makeQuote(3)], 0)).toBe(2);
    expect(await quotes.append(aapl, [makeQuote(1, { source: 'polygon' })], 0)).toBe(1);
    expect((await quotes.range(aapl)).map((quote) => [(quote.time - QUOTE_T0) / MINUTE_MS, quote.source])).toEqual([
      [0, 'yahoo'],
      [1, 'polygon'],
      [2, 'yahoo'],
      [3, 'yahoo'],
      [4, 'finnhub'],
    ]);
    expect(await quotes.range(aapl)).toEqual([makeQuote(0), makeQuote(1, { source: 'polygon' }), makeQuote(2), makeQuote(3), makeQuote(4, { source: 'finnhub' })]);
  });

  it('answers the latest quotes of many symbols in one command', async () => {
    for (const symbol of ['AAPL', 'MSFT', 'GOOG']) await quotes.append({ prefix: 'stock', symbol }, [makeQuote(0), makeQuote(90)], 0);
    let latest = {};
    const sent = await commandsSentBy(keyspace.client, async () => {
      latest = await quotes.latest('stock', ['AAPL', 'MSFT', 'GOOG', 'NOPE']);
    });
    expect(sent).toEqual(['evalsha']);
    expect(latest).toEqual({ AAPL: makeQuote(90), MSFT: makeQuote(90), GOOG: makeQuote(90) });
  });

  it('stores a trading day of minute quotes in under 100 bytes a quote (MEMORY USAGE of the key)', async () => {
    // 390 quotes whose price, change, volume, bid and ask move every minute, as a session's do.
    const day = Array.from({ length: 390 }, (_, minute) => {
      const price = Math.round((244.6 + Math.sin(minute / 7) * 3) * 100) / 100;
      const change = Number((price - 241.53).toPrecision(8));
      return makeQuote(minute, { price, change, change_percent: Number(((change / 241.53) * 100).toPrecision(8)), bid: Math.round(price * 100 - 2) / 100, ask: Math.round(price * 100 + 3) / 100 });
    });
    for (const quote of day) await quotes.append(aapl, [quote], 0);
    expect(await quotes.range(aapl)).toEqual(day);
    const bytes = await keyspace.client.memory('USAGE', 'stock:AAPL:quotes', 'SAMPLES', 0);
    expect(bytes! / day.length).toBeLessThan(100);
    expect(await keyspace.client.zcard('stock:AAPL:quotes')).toBe(Math.ceil((day[389].time - quoteBlockStart(QUOTE_T0)) / QUOTE_BLOCK_MS));
  });
});

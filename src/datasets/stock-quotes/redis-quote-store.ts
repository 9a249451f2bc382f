import type { Redis } from 'ioredis';
import { assertRangeBounds } from '../../storage/bar-store.js';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import type { SymbolKeyId } from '../dataset.js';
import { decodeQuoteBlock, decodeQuoteLine, encodeQuoteLine, quoteBlockStart } from './quote-block-codec.js';
import type { QuoteStore } from './quote-store.js';
import { APPEND_QUOTES, LATEST_QUOTES } from './quote-scripts.js';
import type { Quote, StoredQuote } from './quote.js';

/** Blocks read per round trip when a range is limited to its newest quotes. */
const PAGE_BLOCKS = 4;

/**
 * {@link QuoteStore} on Redis: a series is a ZSET of hour blocks scored by their start, each holding
 * its quotes oldest first (the layout is described with the scripts in quote-scripts.ts).
 */
export class RedisQuoteStore implements QuoteStore {
  private readonly appendQuotes: ScriptCall<number>;
  private readonly latestQuotes: ScriptCall<Array<[string, string, string] | null>>;

  constructor(private readonly client: Redis) {
    this.appendQuotes = defineScript(client, 'appendQuotes', APPEND_QUOTES);
    this.latestQuotes = defineScript(client, 'latestQuotes', LATEST_QUOTES);
  }

  async append(id: SymbolKeyId, quotes: Quote[], keepFrom: number): Promise<number> {
    const blocks = new Map<number, Map<number, string>>();
    for (const quote of quotes) {
      if (quote.time < keepFrom) continue;
      const start = quoteBlockStart(quote.time);
      const lines = blocks.get(start) ?? blocks.set(start, new Map()).get(start)!;
      if (!lines.has(quote.time)) lines.set(quote.time, encodeQuoteLine(quote, start));
    }
    const args = [...blocks].flatMap(([start, lines]) => [
      String(start),
      [...lines].sort(([a], [b]) => a - b).map(([, line]) => line).join('\n'),
    ]);
    return redisCall(() => this.appendQuotes([keys.quotes(id)], [String(keepFrom), ...args]));
  }

  async range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<StoredQuote[]> {
    assertRangeBounds(from, to);
    const key = keys.quotes(id);
    const lower = from === undefined ? '-inf' : quoteBlockStart(from);
    const upper = to ?? '+inf';
    const inRange = (quote: StoredQuote) => (from === undefined || quote.time >= from) && (to === undefined || quote.time <= to);
    if (limit === undefined) return decodeScored(await redisCall(() => this.client.zrangebyscore(key, lower, upper, 'WITHSCORES'))).filter(inRange);
    // Newest blocks first, page by page, until the newest `limit` quotes of the range are in hand.
    const pages: StoredQuote[][] = [];
    let found = 0;
    for (let offset = 0; found < limit; offset += PAGE_BLOCKS) {
      const page = await redisCall(() => this.client.zrevrangebyscore(key, upper, lower, 'WITHSCORES', 'LIMIT', offset, PAGE_BLOCKS));
      const quotes = decodeScored(page, true).filter(inRange);
      pages.unshift(quotes);
      found += quotes.length;
      if (page.length < 2 * PAGE_BLOCKS) break;
    }
    return pages.flat().slice(-limit);
  }

  async latest(prefix: string, symbols: string[]): Promise<Record<string, StoredQuote>> {
    if (symbols.length === 0) return {};
    const found = await redisCall(() => this.latestQuotes(symbols.map((symbol) => keys.quotes({ prefix, symbol })), []));
    const latest: Record<string, StoredQuote> = {};
    symbols.forEach((symbol, i) => {
      const newest = found[i];
      if (newest) latest[symbol.toUpperCase()] = decodeQuoteLine(newest[2], newest[1].split(','), Number(newest[0]));
    });
    return latest;
  }
}

/** The quotes of a WITHSCORES reply of blocks, oldest first (the reply is newest block first when `reversed`). */
function decodeScored(reply: string[], reversed = false): StoredQuote[] {
  const blocks: StoredQuote[][] = [];
  for (let i = 0; i < reply.length; i += 2) blocks.push(decodeQuoteBlock(reply[i], Number(reply[i + 1])));
  return (reversed ? blocks.reverse() : blocks).flat();
}

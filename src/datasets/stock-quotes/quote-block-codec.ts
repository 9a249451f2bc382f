import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { Quote, StoredQuote } from './quote.js';

/**
 * How much time one block of the Redis quote series covers. A ZSET member costs ~100 bytes on top of
 * its text (see redis-bar-store.ts); a block of an hour amortises that and the block's frame over
 * its quotes (60 of an every-minute job), and stays small enough to rewrite on an out-of-order write.
 */
export const QUOTE_BLOCK_MS = 3_600_000;

/** The stored fields after the time, in line order. */
// The source came last, later: a block written before has 12 tokens in its frame and lines, and
// its quotes read back with STORED_SOURCE_DEFAULT.
const FIELDS = ['price', 'change', 'change_percent', 'volume', 'open', 'day_high', 'day_low', 'previous_close', 'bid', 'ask', 'market_state', 'currency', 'source'] as const;
const STRINGS = new Set<string>(['market_state', 'currency', 'source']);
const NULL = '~';

/** Start (epoch ms) of the block holding `time`. */
export function quoteBlockStart(time: number): number {
  return Math.floor(time / QUOTE_BLOCK_MS) * QUOTE_BLOCK_MS;
}

/**
 * A quote's full line: its time as an offset from `blockStart`, then every field. Numbers as
 * JavaScript prints them (they read back exactly), null as `~`, text URI-encoded (and `~` too), so
 * no token holds a comma or a newline and none is empty: the script stores an empty token for
 * "as in the block's frame" (see quote-scripts.ts). An empty text is no text: it reads back as null.
 */
export function encodeQuoteLine(quote: Quote, blockStart: number): string {
  const tokens = FIELDS.map((field) => {
    const value = quote[field];
    if (value === null || value === undefined || value === '') return NULL;
    return typeof value === 'string' ? encodeURIComponent(value).replace(/~/g, '%7E') : String(value);
  });
  return [quote.time - blockStart, ...tokens].join(',');
}

/** A stored line whose empty (or missing trailing) tokens take the frame's value. */
export function decodeQuoteLine(line: string, frame: string[], blockStart: number): StoredQuote {
  const tokens = line.split(',');
  const quote: Record<string, unknown> = { time: blockStart + Number(tokens[0]) };
  FIELDS.forEach((field, k) => {
    const token = tokens[k + 1] || frame[k];
    if (token === NULL || token === undefined) quote[field] = null;
    else quote[field] = STRINGS.has(field) ? decodeURIComponent(token) : Number(token);
  });
  quote.source ??= STORED_SOURCE_DEFAULT;
  return quote as unknown as StoredQuote;
}

/** A block member: its frame line, then one line per quote, oldest first. */
export function decodeQuoteBlock(member: string, blockStart: number): StoredQuote[] {
  const [frameLine, ...lines] = member.split('\n');
  const frame = frameLine.split(',');
  return lines.map((line) => decodeQuoteLine(line, frame, blockStart));
}

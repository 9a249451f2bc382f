import { Readable } from 'node:stream';
import type { BarDto } from './dto/bar.dto.js';

const COLUMNS = ['date', 'open', 'high', 'low', 'close', 'adj_close', 'volume', 'source'] as const;

// Every value is a number, an ISO date, a provider name or null (an empty cell): none holds a comma,
// a quote or a line break, so no cell needs quoting.
function* lines(bars: readonly BarDto[]): Generator<string> {
  yield `${COLUMNS.join(',')}\n`;
  for (const bar of bars) yield `${COLUMNS.map((column) => bar[column] ?? '').join(',')}\n`;
}

/** The bars as CSV (RFC 4180, a header line, `\n` line ends), written out a line at a time. */
export function barsCsv(bars: readonly BarDto[]): Readable {
  return Readable.from(lines(bars));
}

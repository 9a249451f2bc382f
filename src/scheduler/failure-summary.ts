import type { SymbolError } from './job.js';

/** Reasons named in a run's summary line; the rest are counted, so the line stays short. */
const SHOWN_REASONS = 3;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The error's text with its symbol as `…`, as it stands and as Yahoo's path encodes it. */
function reasonOf({ symbol, error }: SymbolError): string {
  const spellings = [...new Set([symbol, encodeURIComponent(symbol)])].map(escape).join('|');
  // Only where the symbol stands alone: "P" must not eat the P of "HTTP".
  return error.replace(new RegExp(`(?<![A-Za-z0-9.^=%-])(?:${spellings})(?![A-Za-z0-9.^=-])`, 'g'), '…');
}

/**
 * The failures of one run on one line, grouped by kind and reason, largest group first, e.g.
 * `ProviderUnavailableError ×1000 (GET query2.finance.yahoo.com/v8/finance/chart/… failed: connect
 * ECONNREFUSED (4 attempts))`; empty when nothing failed.
 */
export function failureSummary(errors: readonly SymbolError[]): string {
  const groups = new Map<string, { kind: string; reason: string; count: number }>();
  for (const error of errors) {
    const reason = reasonOf(error);
    const key = `${error.kind}\n${reason}`;
    const group = groups.get(key) ?? { kind: error.kind, reason, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count);
  const shown = sorted.slice(0, SHOWN_REASONS).map(({ kind, reason, count }) => `${kind} ×${count} (${reason})`);
  const rest = sorted.length - shown.length;
  return [...shown, ...(rest > 0 ? [`and ${rest} more reasons`] : [])].join(', ');
}

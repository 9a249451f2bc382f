import { numberOrNull } from '../yahoo/yahoo-values.js';

/**
 * Epoch ms of a Polygon timestamp, which is nanoseconds on trades, quotes and snapshots (`1605192894630916600`)
 * and milliseconds on aggregates; told apart by size. Null for anything else.
 */
export function epochMsOf(value: unknown): number | null {
  const raw = numberOrNull(value);
  if (raw === null) return null;
  return raw > 1e15 ? Math.floor(raw / 1e6) : raw;
}

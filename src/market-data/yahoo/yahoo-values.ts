// Readers for answers that yahoo-finance2 did not validate (or validated only in part): any field may
// be missing or of another type, a time may be a Date (coerced) or Yahoo's epoch seconds (not), and a
// quoteSummary number may still be Yahoo's `{raw, fmt}` pair (validation unwraps those).

function rawOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'raw' in value ? value.raw : value;
}

/** The value as an object whose fields can be read; `{}` for anything else. */
export function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The value if it is an array, else an empty one. */
export function itemsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function numberOrNull(value: unknown): number | null {
  const raw = rawOf(value);
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}

/** For the numbers validation checks: what is not a finite number becomes NaN, for the validator to drop and count. */
export function numberOrNaN(value: unknown): number {
  return numberOrNull(value) ?? Number.NaN;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Epoch ms of a Date, or of Yahoo's epoch seconds; NaN for anything else. */
export function epochMsOrNaN(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const seconds = numberOrNull(value);
  return seconds === null ? Number.NaN : seconds * 1000;
}

export function epochMsOrNull(value: unknown): number | null {
  const ms = epochMsOrNaN(value);
  return Number.isNaN(ms) ? null : ms;
}

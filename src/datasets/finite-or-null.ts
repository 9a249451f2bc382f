/** A copy of `item` whose `fields` hold a finite number or null: a number the provider lacks (NaN) reads as null. */
export function finiteOrNull<T extends object>(item: T, fields: readonly (keyof T)[]): T {
  const cleaned = { ...item };
  for (const field of fields) {
    const value = item[field];
    cleaned[field] = (typeof value === 'number' && Number.isFinite(value) ? value : null) as T[keyof T];
  }
  return cleaned;
}

import type { Bar } from '../../market-data/bar.js';
import { validateBars } from './bar-validator.js';

const bar = (time: number, overrides: Partial<Bar> = {}): Bar => ({
  time,
  open: 10,
  high: 12,
  low: 9,
  close: 11,
  adj_close: 10.5,
  volume: 1000,
  ...overrides,
});

describe('validateBars', () => {
  it('keeps plausible bars untouched', () => {
    const bars = [bar(1), bar(2, { open: 12, close: 9 }), bar(3, { open: 5, high: 5, low: 5, close: 5, volume: 0 })];
    expect(validateBars(bars)).toEqual({ valid: bars, rejected: 0 });
  });

  it.each<[string, Partial<Bar>]>([
    ['NaN open', { open: Number.NaN }],
    ['infinite high', { high: Number.POSITIVE_INFINITY }],
    ['negative low', { low: -1 }],
    ['negative close', { close: -0.5, low: -1 }],
    ['negative volume', { volume: -1 }],
    ['NaN volume', { volume: Number.NaN }],
    ['high below open', { open: 12.5 }],
    ['high below close', { close: 12.5 }],
    ['low above open', { open: 8.5 }],
    ['low above close', { close: 8.5 }],
    ['high below low', { open: 10, close: 10, high: 9, low: 12 }],
    ['NaN time', { time: Number.NaN }],
  ])('rejects a bar with %s', (_, overrides) => {
    expect(validateBars([bar(1), bar(2, overrides), bar(3)])).toEqual({ valid: [bar(1), bar(3)], rejected: 1 });
  });

  it('keeps the last of duplicate times, counts the others as rejected and sorts by time', () => {
    const result = validateBars([bar(2, { close: 11.5 }), bar(1), bar(2, { close: 10.5 }), bar(2, { close: 9.5 })]);
    expect(result).toEqual({ valid: [bar(1), bar(2, { close: 9.5 })], rejected: 2 });
  });

  it('does not let an invalid duplicate replace a valid bar', () => {
    expect(validateBars([bar(1), bar(1, { high: Number.NaN })])).toEqual({ valid: [bar(1)], rejected: 1 });
  });

  it.each([null, Number.NaN, Number.POSITIVE_INFINITY, -3, undefined])('sets adj_close %p to null and keeps the bar', (adj) => {
    const { valid, rejected } = validateBars([bar(1, { adj_close: adj as number | null })]);
    expect(rejected).toBe(0);
    expect(valid).toEqual([bar(1, { adj_close: null })]);
  });

  it('handles an empty list', () => {
    expect(validateBars([])).toEqual({ valid: [], rejected: 0 });
  });
});

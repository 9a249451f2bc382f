import { defaultLookbackDays, intervalLimitProblems } from './data-interval-limits.js';

const base = { lookback_days: 30, start_date: null, end_date: null };

describe('Yahoo interval limits', () => {
  it('defaults the lookback to 30 days, or the longest window the interval allows', () => {
    expect(defaultLookbackDays('1d')).toBe(30);
    expect(defaultLookbackDays('1m')).toBe(7);
    expect(defaultLookbackDays('5m')).toBe(30);
  });

  it('puts no limit on daily and longer bars', () => {
    expect(intervalLimitProblems({ ...base, data_interval: '1d', start_date: '1990-01-01' }, '2026-11-22')).toEqual([]);
    expect(intervalLimitProblems({ ...base, data_interval: '1mo', lookback_days: 3650 }, '2026-11-22')).toEqual([]);
  });

  it('allows 1m bars only for 7-day windows within the last 30 days', () => {
    expect(intervalLimitProblems({ ...base, data_interval: '1m', lookback_days: 7 }, '2026-11-22')).toEqual([]);
    expect(intervalLimitProblems({ ...base, data_interval: '1m', lookback_days: 8 }, '2026-11-22')).toEqual([
      'data_interval 1m allows at most 7 days per request: lookback_days must be ≤ 7',
    ]);
    expect(intervalLimitProblems({ ...base, data_interval: '1m', start_date: '2026-11-16', end_date: '2026-11-22' }, '2026-11-22')).toEqual([]);
    expect(intervalLimitProblems({ ...base, data_interval: '1m', start_date: '2026-10-01', end_date: '2026-10-03' }, '2026-11-22')).toEqual([
      'data_interval 1m is only available for the last 30 days: start_date must be on or after 2026-10-23',
    ]);
    expect(intervalLimitProblems({ ...base, data_interval: '1m', start_date: '2026-11-01' }, '2026-11-22')[0]).toContain('spans 22');
  });

  it('allows 60m/1h bars for the last 730 days', () => {
    expect(intervalLimitProblems({ ...base, data_interval: '1h', lookback_days: 700 }, '2026-11-22')).toEqual([]);
    expect(intervalLimitProblems({ ...base, data_interval: '60m', start_date: '2024-01-01' }, '2026-11-22')[0]).toContain('last 730 days');
  });
});

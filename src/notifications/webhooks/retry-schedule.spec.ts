import { DEFAULT_RETRY_SCHEDULE_MS, retryDelayMs } from './retry-schedule.js';
import { retryAfterMs } from './webhook-sender.js';

describe('retryDelayMs', () => {
  it('follows the schedule within ±20 %, and is spent after its last step', () => {
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE_MS, null, () => 0)).toBe(4000);
    expect(retryDelayMs(1, DEFAULT_RETRY_SCHEDULE_MS, null, () => 1)).toBe(6000);
    expect(retryDelayMs(2, DEFAULT_RETRY_SCHEDULE_MS, null, () => 0.5)).toBe(300_000);
    expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE_MS.length + 1, DEFAULT_RETRY_SCHEDULE_MS, null)).toBeNull();
  });

  it('waits for a longer Retry-After, but never more than a day', () => {
    expect(retryDelayMs(1, [1000], 30_000, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(1, [60_000], 1000, () => 0.5)).toBe(60_000);
    expect(retryDelayMs(1, [1000], 7 * 24 * 3600 * 1000, () => 0.5)).toBe(24 * 3600 * 1000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Fri, 04 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});

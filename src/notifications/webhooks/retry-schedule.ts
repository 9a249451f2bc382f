/** Svix's schedule, which Standard Webhooks receivers know: after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h. */
export const DEFAULT_RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

/** No retry waits longer than a day, whatever a Retry-After asks. */
const MAX_DELAY_MS = 24 * 3600 * 1000;

/**
 * How long to wait after the `failed`-th failed attempt of a series (1-based), or null when the
 * schedule is spent: the schedule's delay ±20 % (so retries of many deliveries spread out), or the
 * receiver's Retry-After when that is longer.
 */
export function retryDelayMs(failed: number, schedule: readonly number[], retryAfterMs: number | null, random: () => number = Math.random): number | null {
  const base = schedule[failed - 1];
  if (base === undefined) return null;
  const jittered = Math.round(base * (0.8 + 0.4 * random()));
  return Math.min(Math.max(jittered, retryAfterMs ?? 0), MAX_DELAY_MS);
}

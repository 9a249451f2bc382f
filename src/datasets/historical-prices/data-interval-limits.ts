import type { DataInterval } from '../../scheduler/job.js';

interface IntervalLimit {
  /** How far back Yahoo serves this interval, in days before today. */
  historyDays: number;
  /** The longest window one request may cover, in days. */
  maxWindowDays: number;
}

/** Yahoo's limits for intraday bars; daily and longer bars go back to the listing date. */
const LIMITS: Partial<Record<DataInterval, IntervalLimit>> = {
  '1m': { historyDays: 30, maxWindowDays: 7 },
  '5m': { historyDays: 60, maxWindowDays: 60 },
  '15m': { historyDays: 60, maxWindowDays: 60 },
  '30m': { historyDays: 60, maxWindowDays: 60 },
  '60m': { historyDays: 730, maxWindowDays: 730 },
  '1h': { historyDays: 730, maxWindowDays: 730 },
};

const DAY_MS = 86_400_000;

/** The default lookback for an interval: 30 days, or less where Yahoo allows less. */
export function defaultLookbackDays(interval: DataInterval): number {
  return Math.min(30, LIMITS[interval]?.maxWindowDays ?? 30);
}

/** Problems with asking Yahoo for `interval` bars over this window, as of `today` (YYYY-MM-DD). */
export function intervalLimitProblems(
  spec: { data_interval: DataInterval; lookback_days: number; start_date: string | null; end_date: string | null },
  today: string,
): string[] {
  const limit = LIMITS[spec.data_interval];
  if (!limit) return [];
  const { data_interval: interval } = spec;
  const problems: string[] = [];
  if (spec.start_date) {
    const oldest = new Date(Date.parse(today) - limit.historyDays * DAY_MS).toISOString().slice(0, 10);
    if (spec.start_date < oldest) {
      problems.push(`data_interval ${interval} is only available for the last ${limit.historyDays} days: start_date must be on or after ${oldest}`);
    }
    const end = spec.end_date ?? today;
    const days = (Date.parse(end) - Date.parse(spec.start_date)) / DAY_MS + 1;
    if (days > limit.maxWindowDays) {
      problems.push(`data_interval ${interval} allows at most ${limit.maxWindowDays} days per request: start_date … end_date spans ${days}`);
    }
  } else if (spec.lookback_days > limit.maxWindowDays) {
    problems.push(`data_interval ${interval} allows at most ${limit.maxWindowDays} days per request: lookback_days must be ≤ ${limit.maxWindowDays}`);
  }
  return problems;
}

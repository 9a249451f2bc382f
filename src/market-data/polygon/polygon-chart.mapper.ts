import { GetStocksAggregatesTimespanEnum as Timespan } from '@massive.com/client-js';
import { DateTime } from 'luxon';
import type { Bar, CorporateAction } from '../bar.js';
import { nyseSession, nyseSessionFrom } from '../calendar/nyse-session.js';
import { fieldsOf, itemsOf, numberOrNaN, numberOrNull, stringOrNull } from '../yahoo/yahoo-values.js';

export interface AggregateRange {
  multiplier: number;
  timespan: Timespan;
}

// The job intervals (src/scheduler/job.ts) as Polygon's multiplier and timespan.
const RANGES: Readonly<Record<string, AggregateRange>> = {
  '1m': { multiplier: 1, timespan: Timespan.Minute },
  '5m': { multiplier: 5, timespan: Timespan.Minute },
  '15m': { multiplier: 15, timespan: Timespan.Minute },
  '30m': { multiplier: 30, timespan: Timespan.Minute },
  '60m': { multiplier: 1, timespan: Timespan.Hour },
  '1h': { multiplier: 1, timespan: Timespan.Hour },
  '1d': { multiplier: 1, timespan: Timespan.Day },
  '1wk': { multiplier: 1, timespan: Timespan.Week },
  '1mo': { multiplier: 1, timespan: Timespan.Month },
};

export function aggregateRange(interval: string): AggregateRange | null {
  return RANGES[interval] ?? null;
}

export const isSessionRange = ({ timespan }: AggregateRange): boolean => timespan === Timespan.Day || timespan === Timespan.Week || timespan === Timespan.Month;

const ZONE = 'America/New_York';

/** The New York calendar date of an instant, as Polygon's `from`/`to` and reference dates are written. */
export function newYorkDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
}

/** The NYSE session open of a YYYY-MM-DD date (or the next session's, for a date without one). */
function sessionOpenOf(date: string): number {
  const midnight = DateTime.fromISO(date, { zone: ZONE });
  return midnight.isValid ? nyseSessionFrom(midnight.toJSDate()).open.getTime() : Number.NaN;
}

/**
 * Polygon stamps day, week and month aggregates at 00:00 New York of their first day; Yahoo (and so the
 * stored bars) at the session open of their first trading day. Intraday aggregates keep the start of their window.
 */
function barTime(t: number, range: AggregateRange): number {
  if (!isSessionRange(range) || Number.isNaN(t)) return t;
  return sessionOpenOf(DateTime.fromMillis(t, { zone: ZONE }).toISODate()!);
}

/**
 * The aggregates of `[from, to)` as bars. `adjusted=true` closes are split-adjusted like Yahoo's `close`; Polygon
 * has no dividend-adjusted close, so `adj_close` is null. Intraday aggregates outside the regular session
 * (Polygon includes pre- and after-market) are dropped, as Yahoo's chart leaves them out.
 */
export function toBars(answer: unknown, range: AggregateRange, from: Date, to: Date): Bar[] {
  return itemsOf(fieldsOf(answer).results)
    .map((item): Bar => {
      const aggregate = fieldsOf(item);
      return {
        time: barTime(numberOrNaN(aggregate.t), range),
        open: numberOrNaN(aggregate.o),
        high: numberOrNaN(aggregate.h),
        low: numberOrNaN(aggregate.l),
        close: numberOrNaN(aggregate.c),
        adj_close: null,
        volume: numberOrNaN(aggregate.v),
      };
    })
    .filter((bar) => bar.time >= from.getTime() && bar.time < to.getTime())
    .filter((bar) => isSessionRange(range) || nyseSession(new Date(bar.time)).open);
}

/** Dividends (at their ex-date's session open) and splits (at their execution date's) inside `[from, to)`, oldest first. */
export function toActions(dividends: unknown, splits: unknown, from: Date, to: Date): CorporateAction[] {
  const cash = itemsOf(fieldsOf(dividends).results).map((item): CorporateAction | null => {
    const { ex_dividend_date: date, cash_amount: amount } = fieldsOf(item);
    const value = numberOrNull(amount);
    return value === null ? null : { time: sessionOpenOf(stringOrNull(date) ?? ''), kind: 'dividend', amount: value };
  });
  const shares = itemsOf(fieldsOf(splits).results).map((item): CorporateAction | null => {
    const fields = fieldsOf(item);
    // A 4-for-1 split is split_to 4, split_from 1: Yahoo's numerator 4, denominator 1.
    const [numerator, denominator] = [numberOrNull(fields.split_to), numberOrNull(fields.split_from)];
    if (numerator === null || denominator === null) return null;
    return { time: sessionOpenOf(stringOrNull(fields.execution_date) ?? ''), kind: 'split', numerator, denominator };
  });
  return [...cash, ...shares]
    .filter((action): action is CorporateAction => action !== null && action.time >= from.getTime() && action.time < to.getTime())
    .sort((a, b) => a.time - b.time);
}

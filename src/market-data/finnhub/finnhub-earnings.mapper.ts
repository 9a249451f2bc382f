import type { Earnings, EarningsQuarter } from '../../datasets/earnings-data/earnings.js';
import { nyseSessionFrom } from '../calendar/nyse-session.js';
import { InvalidResponseError, NoDataError } from '../provider-errors.js';
import { fieldsOf, numberOrNull, stringOrNull } from '../yahoo/yahoo-values.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function listOf(value: unknown, what: string, symbol: string): unknown[] {
  if (!Array.isArray(value)) throw new InvalidResponseError(`Finnhub's ${what} answer for ${symbol} has no list`);
  return value;
}

function toQuarter(item: unknown): EarningsQuarter[] {
  const entry = fieldsOf(item);
  const period = stringOrNull(entry.period);
  if (period === null || !DATE.test(period)) return [];
  // surprisePercent is a percentage already (-4.7812 for -4.78 %), as the domain type wants it.
  return [{ quarter_end: period, eps_actual: numberOrNull(entry.actual), eps_estimate: numberOrNull(entry.estimate), surprise_percent: numberOrNull(entry.surprisePercent) }];
}

/**
 * When a release dated `date` (no time) reaches the market: the NYSE session close for one after the
 * close (`hour` `amc`), else the session open, like Yahoo's daily bars; a date without a session moves
 * to the next one.
 */
function releaseTime(item: unknown): number[] {
  const { date, hour } = fieldsOf(item);
  if (typeof date !== 'string' || !DATE.test(date)) return [];
  const session = nyseSessionFrom(new Date(`${date}T00:00:00Z`));
  return [(hour === 'amc' ? session.close : session.open).getTime()];
}

/**
 * Quarters (oldest first) from a `/stock/earnings` answer and the next release dates (soonest first)
 * from a `/calendar/earnings` answer, asked for the coming days only. Both empty is a NoDataError:
 * Finnhub answers an unknown symbol so, and an ETF without earnings too.
 */
export function toFinnhubEarnings(surprises: unknown, calendar: unknown, symbol: string): Earnings {
  const quarters = listOf(surprises, 'stock/earnings', symbol).flatMap(toQuarter);
  const next = listOf(fieldsOf(calendar).earningsCalendar, 'calendar/earnings', symbol).flatMap(releaseTime);
  if (quarters.length === 0 && next.length === 0) throw new NoDataError(`Finnhub has no earnings for ${symbol}`);
  return {
    next_earnings_dates: [...new Set(next)].sort((a, b) => a - b),
    quarters: quarters.sort((a, b) => a.quarter_end.localeCompare(b.quarter_end)),
  };
}

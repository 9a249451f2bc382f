import type { Earnings, EarningsQuarter } from '../../datasets/earnings-data/earnings.js';
import { fieldsOf, itemsOf } from '../yahoo/yahoo-values.js';
import { avNumberOrNull, sessionOpenOfDate } from './alpha-vantage-values.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toQuarter(item: unknown): EarningsQuarter[] {
  const entry = fieldsOf(item);
  const quarter_end = entry.fiscalDateEnding;
  if (typeof quarter_end !== 'string' || !ISO_DATE.test(quarter_end)) return [];
  return [
    {
      quarter_end,
      eps_actual: avNumberOrNull(entry.reportedEPS),
      eps_estimate: avNumberOrNull(entry.estimatedEPS),
      // A percentage already: "3.7037" is 3.7037 %.
      surprise_percent: avNumberOrNull(entry.surprisePercentage),
    },
  ];
}

// Alpha Vantage's CSV quotes a field only when it holds a comma (a company name).
function csvFields(line: string): string[] {
  return [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
    .slice(0, -1)
    .map(([, field]) => (field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field));
}

/** The report dates of `symbol` (as Alpha Vantage writes it) in an EARNINGS_CALENDAR CSV, at the session open of each. */
export function calendarDates(csv: string, symbol: string): number[] {
  const [header = '', ...rows] = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = csvFields(header);
  const [symbolAt, dateAt] = [columns.indexOf('symbol'), columns.indexOf('reportDate')];
  return rows
    .map(csvFields)
    .filter((fields) => fields[symbolAt] === symbol)
    .map((fields) => sessionOpenOfDate(fields[dateAt]))
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
}

/**
 * The quarters of an EARNINGS answer, oldest first, with the next report dates of the calendar;
 * null for the `{}` of a symbol it does not know.
 */
export function toEarnings(body: Record<string, unknown>, nextDates: number[]): Earnings | null {
  if (Object.keys(body).length === 0) return null;
  const quarters = itemsOf(body.quarterlyEarnings).flatMap(toQuarter);
  return { next_earnings_dates: nextDates, quarters: quarters.sort((a, b) => a.quarter_end.localeCompare(b.quarter_end)) };
}

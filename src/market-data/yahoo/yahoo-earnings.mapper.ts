import type { Earnings, EarningsQuarter } from '../../datasets/earnings-data/earnings.js';
import { InvalidResponseError } from '../provider-errors.js';
import { epochMsOrNull, fieldsOf, itemsOf, numberOrNull, stringOrNull } from './yahoo-values.js';

const QUARTER_LABEL = /^([1-4])Q(\d{4})$/;
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

const isoDate = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

// Yahoo sends the surprise as a float32-rounded fraction (0.020499999 for 2.05 %): four decimals of
// the percentage keep every digit it means.
const percentOf = (fraction: number | null): number | null => (fraction === null ? null : Math.round(fraction * 1e6) / 1e4);

/**
 * The last day of the calendar quarter of an earningsChart label such as "1Q2024". In the recorded
 * answers (AAPL, whose fiscal year is not the calendar's, AMZN, GOOG) the labels name calendar
 * quarters: "1Q2024" is earningsHistory's 2024-03-31. Null for a label of another form.
 */
export function quarterEndOfLabel(label: unknown): string | null {
  const match = typeof label === 'string' ? QUARTER_LABEL.exec(label) : null;
  return match ? `${match[2]}-${QUARTER_END[Number(match[1]) - 1]}` : null;
}

function historyQuarters(history: unknown): EarningsQuarter[] {
  return itemsOf(history).flatMap((item) => {
    const entry = fieldsOf(item);
    const quarter_end = isoDate(epochMsOrNull(entry.quarter));
    if (quarter_end === null) return [];
    const surprise_percent = percentOf(numberOrNull(entry.surprisePercent));
    return [{ quarter_end, eps_actual: numberOrNull(entry.epsActual), eps_estimate: numberOrNull(entry.epsEstimate), surprise_percent }];
  });
}

// Newer answers also carry the quarter's end date or a calendar label; the label in `date` is the fallback.
function chartQuarters(quarterly: unknown): EarningsQuarter[] {
  return itemsOf(quarterly).flatMap((item) => {
    const entry = fieldsOf(item);
    const quarter_end = isoDate(epochMsOrNull(entry.periodEndDate)) ?? quarterEndOfLabel(entry.calendarQuarter) ?? quarterEndOfLabel(stringOrNull(entry.date));
    if (quarter_end === null) return [];
    return [{ quarter_end, eps_actual: numberOrNull(entry.actual), eps_estimate: numberOrNull(entry.estimate), surprise_percent: null }];
  });
}

/**
 * Quarters from the unvalidated quoteSummary answer's `earningsHistory`, completed by the `earnings`
 * chart's quarters that the history lacks (without a surprise: the chart has none), oldest first; the
 * next earnings dates from `calendarEvents`, soonest first. An answer with none of the three modules
 * is an InvalidResponseError.
 */
export function toEarnings(answer: unknown, symbol: string): Earnings {
  const { earnings, earningsHistory, calendarEvents } = fieldsOf(answer);
  if (earnings === undefined && earningsHistory === undefined && calendarEvents === undefined) {
    throw new InvalidResponseError(`Yahoo's quoteSummary answer for ${symbol} has none of earnings, earningsHistory, calendarEvents`);
  }
  const quarters = historyQuarters(fieldsOf(earningsHistory).history);
  const known = new Set(quarters.map((q) => q.quarter_end));
  const missing = chartQuarters(fieldsOf(fieldsOf(earnings).earningsChart).quarterly).filter((q) => !known.has(q.quarter_end));
  const next = itemsOf(fieldsOf(fieldsOf(calendarEvents).earnings).earningsDate).map(epochMsOrNull);
  return {
    next_earnings_dates: next.filter((ms): ms is number => ms !== null).sort((a, b) => a - b),
    quarters: [...quarters, ...missing].sort((a, b) => a.quarter_end.localeCompare(b.quarter_end)),
  };
}

import { CronTime } from 'cron';
import fc from 'fast-check';
import { mayMatchDates } from './date-filter.js';

const DAY = 86_400_000;

/** One field of cron's grammar between `low` and `high`: `*`, values, ranges and steps, as a list. */
const field = (low: number, high: number, aliases: string[] = []) => {
  const value = fc.integer({ min: low, max: high });
  const part = fc.oneof(
    value.map(String),
    fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(value, value, fc.integer({ min: 1, max: 9 })).map(([a, b, step]) => `${Math.min(a, b)}-${Math.max(a, b)}/${step}`),
    fc.integer({ min: 1, max: 9 }).map((step) => `*/${step}`),
    ...(aliases.length > 0 ? [fc.constantFrom(...aliases)] : []),
  );
  return fc.oneof(fc.constant('*'), fc.array(part, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(',')));
};
const dateFields = fc.tuple(field(1, 31), field(1, 12, ['jan', 'feb', 'dec']), field(0, 7, ['sat', 'sun', 'mon']));

/** Whether cron fires on the UTC date of `dayMs` at midnight: its own answer, the one to agree with. */
function cronFiresOn(time: CronTime, dayMs: number): boolean {
  const start = Math.floor(dayMs / DAY) * DAY;
  try {
    return time.getNextDateFrom(new Date(start - 1000), 'UTC').toMillis() === start;
  } catch {
    return false; // no date within cron's 8 years
  }
}

describe('mayMatchDates', () => {
  it("matches a window's dates exactly when cron fires on one of them, month and both day fields by cron's rule", () => {
    fc.assert(
      fc.property(dateFields, fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.integer({ min: 0, max: DAY - 1 }), ([dayOfMonth, month, dayOfWeek], first, span) => {
        const time = new CronTime(`0 0 0 ${dayOfMonth} ${month} ${dayOfWeek}`, 'UTC');
        const last = first + span;
        expect(mayMatchDates(time, first, last)).toBe(cronFiresOn(time, first) || cronFiresOn(time, last));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a range missing only its last month', '0 0 * 1-11 *', Date.UTC(2027, 11, 6), false],
    ['a range missing only Saturday', '0 0 * * 0-5', Date.UTC(2027, 11, 4), false],
    ['day of month 13 or a Friday, on Friday 3rd', '0 0 13 * 5', Date.UTC(2027, 11, 3), true],
    ['Sunday written as 7', '0 0 * * 7', Date.UTC(2027, 11, 5), true],
  ])('%s', (_what, expression, day, matches) => {
    expect(mayMatchDates(new CronTime(expression, 'UTC'), day, day)).toBe(matches);
  });
});

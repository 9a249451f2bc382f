import { DateTime } from 'luxon';

const ZONE = 'America/New_York';
type Day = DateTime;

const day = (year: number, month: number, date: number): Day => DateTime.fromObject({ year, month, day: date }, { zone: ZONE });

/** The n-th given weekday (1 = Monday) of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  if (n > 0) {
    const first = day(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (n - 1) * 7 });
  }
  const last = day(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
}

/** Saturday holidays move to Friday, Sunday ones to Monday (NYSE Rule 7.2). */
function observed(date: Day): Day {
  if (date.weekday === 6) return date.minus({ days: 1 });
  if (date.weekday === 7) return date.plus({ days: 1 });
  return date;
}

/** Easter Sunday, anonymous Gregorian algorithm. */
function easter(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return day(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

/**
 * Full-day closures of one year by NYSE's rules, as YYYY-MM-DD → name. One-off closures (a day of
 * mourning, a hurricane) cannot be derived and are not included.
 */
export function nyseHolidays(year: number): Map<string, string> {
  const holidays: [Day, string][] = [
    [nthWeekday(year, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(year, 2, 1, 3), "Washington's Birthday"],
    [easter(year).minus({ days: 2 }), 'Good Friday'],
    [nthWeekday(year, 5, 1, -1), 'Memorial Day'],
    [observed(day(year, 7, 4)), 'Independence Day'],
    [nthWeekday(year, 9, 1, 1), 'Labor Day'],
    [nthWeekday(year, 11, 4, 4), 'Thanksgiving Day'],
    [observed(day(year, 12, 25)), 'Christmas Day'],
  ];
  // A Saturday New Year's Day is not observed on the Friday before (that Friday is in the old year).
  const newYear = day(year, 1, 1);
  if (newYear.weekday !== 6) holidays.push([observed(newYear), "New Year's Day"]);
  if (year >= 2022) holidays.push([observed(day(year, 6, 19)), 'Juneteenth National Independence Day']);
  return new Map(holidays.map(([date, name]) => [date.toISODate()!, name]));
}

/** Days the NYSE closes at 13:00, as YYYY-MM-DD → why. */
export function nyseEarlyCloses(year: number): Map<string, string> {
  const holidays = nyseHolidays(year);
  const candidates: [Day, string][] = [
    [day(year, 7, 3), 'day before Independence Day'],
    [nthWeekday(year, 11, 4, 4).plus({ days: 1 }), 'day after Thanksgiving'],
    [day(year, 12, 24), 'Christmas Eve'],
  ];
  return new Map(
    candidates
      .filter(([date]) => date.weekday <= 5 && !holidays.has(date.toISODate()!))
      .map(([date, why]) => [date.toISODate()!, why]),
  );
}

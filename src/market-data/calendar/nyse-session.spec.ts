import { nyseEarlyCloses, nyseHolidays } from './nyse-holidays.js';
import { nyseSession, nyseSessionFrom } from './nyse-session.js';

/** NYSE's published holiday calendar (nyse.com, "Holidays & Trading Hours"). */
const PUBLISHED: Record<number, string[]> = {
  2025: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25'],
  2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
  2027: ['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'],
};
const EARLY_CLOSES: Record<number, string[]> = {
  2025: ['2025-07-03', '2025-11-28', '2025-12-24'],
  2026: ['2026-11-27', '2026-12-24'],
  2027: ['2027-11-26'],
};
const ny = (local: string, offset: '-05:00' | '-04:00') => new Date(`${local}${offset}`);

describe('NYSE calendar', () => {
  it.each([2025, 2026, 2027])('derives exactly the published holidays and early closes of %i', (year) => {
    expect([...nyseHolidays(year).keys()].sort()).toEqual(PUBLISHED[year]);
    expect([...nyseEarlyCloses(year).keys()].sort()).toEqual(EARLY_CLOSES[year]);
  });

  it('does not observe a Saturday New Year on the Friday before (2022)', () => {
    expect(nyseHolidays(2022).has('2021-12-31')).toBe(false);
    expect(nyseHolidays(2021).has('2021-12-31')).toBe(false);
  });
});

describe('nyseSession', () => {
  it.each([
    ['regular mid-day', ny('2026-11-24T12:00:00', '-05:00'), true],
    ['the open, 09:30 EDT on the first Monday after the spring change', ny('2026-03-09T09:30:00', '-04:00'), true],
    ['a minute before the open', ny('2026-03-09T09:29:00', '-04:00'), false],
    ['the last minute, EST', ny('2026-11-02T15:59:00', '-05:00'), true],
    ['16:00 sharp', ny('2026-11-02T16:00:00', '-05:00'), false],
    ['early close day, 12:59', ny('2026-11-27T12:59:00', '-05:00'), true],
    ['early close day, 13:00', ny('2026-11-27T13:00:00', '-05:00'), false],
    ['Good Friday', ny('2026-04-03T11:00:00', '-04:00'), false],
    ['a Saturday', ny('2026-11-28T11:00:00', '-05:00'), false],
  ])('%s', (_what, at, open) => {
    expect(nyseSession(at).open).toBe(open);
  });

  it('says why it is closed', () => {
    expect(nyseSession(ny('2026-11-26T11:00:00', '-05:00')).reason).toBe('NYSE holiday: Thanksgiving Day (2026-11-26)');
    expect(nyseSession(ny('2026-11-28T11:00:00', '-05:00')).reason).toBe('weekend (Saturday 2026-11-28)');
    expect(nyseSession(ny('2026-11-27T14:00:00', '-05:00')).reason).toContain('early close: day after Thanksgiving');
    expect(nyseSession(ny('2026-11-24T08:00:00', '-05:00')).reason).toContain('before the open');
  });
});

describe('nyseSessionFrom', () => {
  it.each([
    ['the Monday after the spring change, from the Saturday', '2026-03-07T12:00:00Z', ny('2026-03-09T09:30:00', '-04:00'), ny('2026-03-09T16:00:00', '-04:00')],
    ['the Monday after the autumn change, from the Saturday', '2026-10-31T12:00:00Z', ny('2026-11-02T09:30:00', '-05:00'), ny('2026-11-02T16:00:00', '-05:00')],
    ['an early close, past the Thanksgiving holiday', '2026-11-25T21:00:00Z', ny('2026-11-27T09:30:00', '-05:00'), ny('2026-11-27T13:00:00', '-05:00')],
    ['the session open at that instant', '2026-12-31T20:59:59Z', ny('2026-12-31T09:30:00', '-05:00'), ny('2026-12-31T16:00:00', '-05:00')],
    ['the first session of the next year', '2026-12-31T21:00:00Z', ny('2027-01-04T09:30:00', '-05:00'), ny('2027-01-04T16:00:00', '-05:00')],
  ])('%s', (_what, at, open, close) => {
    expect(nyseSessionFrom(new Date(at))).toEqual({ open, close });
  });
});

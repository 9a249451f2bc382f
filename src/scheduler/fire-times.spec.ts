import { jest } from '@jest/globals';
import { CronTime } from 'cron';
import fc from 'fast-check';
import { nyseSession } from '../market-data/calendar/nyse-session.js';
import { fireTimes, marketHoursOccurrences, noFireReason } from './fire-times.js';
import type { ScheduleSpec } from './job-spec.js';
import { nextOccurrence, type Trigger } from './schedule.js';

const DAY = 86_400_000;
const schedule = (fields: Partial<ScheduleSpec>): ScheduleSpec => ({
  schedule_time: null,
  cron: null,
  interval_seconds: null,
  timezone: 'America/New_York',
  market_hours_only: true,
  ...fields,
});

/** Every fire time in turn, kept when the market is open: what the search must agree with. */
function naiveWalk(trigger: Trigger, after: Date, count: number, until: Date): Date[] {
  const dates: Date[] = [];
  for (let at = nextOccurrence(trigger, after); at && at <= until && dates.length < count; at = nextOccurrence(trigger, at)) {
    if (nyseSession(at).open) dates.push(at);
  }
  return dates;
}

describe('marketHoursOccurrences', () => {
  afterEach(() => jest.restoreAllMocks());

  it('finds the fire times inside NYSE sessions that a walk over every fire time finds', () => {
    const triggers: Trigger[] = [
      ...['*/20 * * * *', '0 */5 0-8 * * *', '30 16 * * 1-5', '0 0 16 * * *', '0 30 9 * * *', '15 */2 * * *', '*/17 * 13 * * 1-5', '59 59 12 * * *', '0 10 * * 0,6', '0 */10 10 13 * 5', '0 0 23 * 2,3 1'].flatMap(
        (expression) => ['UTC', 'America/New_York', 'Australia/Sydney', 'Asia/Tokyo'].map((timezone): Trigger => ({ kind: 'cron', expression, timezone })),
      ),
      ...[1800, 7 * 3600, 86_400, 3 * 86_400].map((seconds): Trigger => ({ kind: 'interval', seconds })),
    ];
    // Early closes, holidays and DST changes among them (2026-11-26/27, 2027-03-14, 2027-11-07).
    const edges = ['2026-11-25T20:00:00Z', '2026-11-27T17:59:59.500Z', '2027-03-12T21:00:00Z', '2027-11-05T20:59:00Z'].map(Date.parse);
    const instant = fc.oneof(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) }), fc.constantFrom(...edges));
    fc.assert(
      fc.property(fc.constantFrom(...triggers), instant, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 3 }), (trigger, ms, count, days) => {
        const after = new Date(ms);
        const until = new Date(ms + days * DAY);
        expect(marketHoursOccurrences(trigger, after, count, until)).toEqual(naiveWalk(trigger, after, count, until));
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    // 540 fires a day, none in NYSE hours: a walk over them would compute ~216,000 dates.
    ['at times of day outside the session', '0 * 0-8 * * *', 'UTC'],
    // Inside the session's hours but on weekends only: one computation a week would be ~57.
    ['on dates without a session', '0 10 * * 0,6', 'America/New_York'],
  ])('makes a few cron computations, not one per fire time, for a schedule that never fires inside the session: %s', (_what, expression, timezone) => {
    const computations = jest.spyOn(CronTime.prototype, 'getNextDateFrom');
    const after = new Date('2027-01-04T12:00:00Z');
    expect(marketHoursOccurrences({ kind: 'cron', expression, timezone }, after, 1, new Date(after.getTime() + 400 * DAY))).toEqual([]);
    expect(computations.mock.calls.length).toBeLessThan(20);
  });

  it('makes a few cron computations, not one per fire time, for fire times inside a session', () => {
    const computations = jest.spyOn(CronTime.prototype, 'getNextDateFrom');
    const after = new Date('2027-01-04T12:00:00Z');
    const dates = marketHoursOccurrences({ kind: 'cron', expression: '* * * * * *', timezone: 'America/New_York' }, after, 100, new Date(after.getTime() + 400 * DAY));
    expect(dates).toHaveLength(100);
    expect([dates[0], dates[99]]).toEqual([new Date('2027-01-04T14:30:00Z'), new Date('2027-01-04T14:31:39Z')]);
    expect(computations.mock.calls.length).toBeLessThan(20);
  });
});

describe('fireTimes', () => {
  it('gives a schedule without market hours its fire times beyond the market-hours horizon', () => {
    const leapDay = schedule({ cron: '0 0 12 29 2 *', timezone: 'UTC', market_hours_only: false });
    expect(fireTimes(leapDay, 1, new Date('2026-12-01T00:00:00Z'))).toEqual([new Date('2028-02-29T12:00:00Z')]);
  });
});

describe('noFireReason', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it.each(['0 0 30 2 *', '0 0 0 31 4 *'])('names a cron expression that matches no date: %s', (cron) => {
    expect(noFireReason(schedule({ cron, market_hours_only: false }), now)).toBe(`cron "${cron}" has no fire time in the next 8 years`);
    expect(noFireReason(schedule({ cron }), now)).toContain('no fire time in the next 8 years');
  });

  it.each([
    [{ cron: '30 16 * * 1-5' }],
    [{ cron: '0 * 0-8 * * *', timezone: 'UTC' }],
    [{ schedule_time: '17:00' }],
    [{ interval_seconds: 2_678_400 }], // multiples of 31 days since the epoch: always 00:00 UTC
  ])('says a market-hours schedule %j never fires inside NYSE hours', (fields) => {
    expect(noFireReason(schedule(fields), now)).toContain('no fire time of this schedule falls inside NYSE regular hours');
  });

  it.each([
    [{ cron: '30 16 * * 1-5', market_hours_only: false }],
    [{ cron: '0 10 * * 1-5' }],
    [{ interval_seconds: 3600 }],
    [{ schedule_time: '09:30' }],
  ])('accepts %j', (fields) => {
    expect(noFireReason(schedule(fields), now)).toBeNull();
  });
});

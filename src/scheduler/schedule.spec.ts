import { CronTime } from 'cron';
import fc from 'fast-check';
import { cronExpressionError, latestOccurrence, nextOccurrence, nextOccurrences, triggerOf } from './schedule.js';

const spec = (fields: Partial<Parameters<typeof triggerOf>[0]>) => ({
  schedule_time: null,
  cron: null,
  interval_seconds: null,
  timezone: 'America/New_York',
  ...fields,
});
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('triggerOf', () => {
  it('turns HH:MM into a daily cron at that minute, in the job zone', () => {
    expect(triggerOf(spec({ schedule_time: '07:05' }))).toEqual({ kind: 'cron', expression: '0 5 7 * * *', timezone: 'America/New_York' });
  });

  it('prefers the interval, then the cron expression', () => {
    expect(triggerOf(spec({ interval_seconds: 60, cron: '* * * * *' }))).toEqual({ kind: 'interval', seconds: 60 });
    expect(triggerOf(spec({ cron: '30 16 * * 1-5' }))).toMatchObject({ kind: 'cron', expression: '30 16 * * 1-5' });
  });
});

describe('nextOccurrences', () => {
  it('fires a daily 17:00 New York job at 17:00 local on both sides of the DST changes', () => {
    const trigger = triggerOf(spec({ schedule_time: '17:00' }));
    expect(iso(nextOccurrences(trigger, new Date('2026-03-06T12:00:00Z'), 4))).toEqual([
      '2026-03-06T22:00:00.000Z', // EST, UTC-5
      '2026-03-07T22:00:00.000Z',
      '2026-03-08T21:00:00.000Z', // EDT from 8 March, UTC-4
      '2026-03-09T21:00:00.000Z',
    ]);
    expect(iso(nextOccurrences(trigger, new Date('2026-10-31T12:00:00Z'), 3))).toEqual([
      '2026-10-31T21:00:00.000Z',
      '2026-11-01T22:00:00.000Z', // back to EST on 1 November
      '2026-11-02T22:00:00.000Z',
    ]);
  });

  it('uses the zone of the job, not the host', () => {
    const london = triggerOf(spec({ schedule_time: '17:00', timezone: 'Europe/London' }));
    const tokyo = triggerOf(spec({ schedule_time: '17:00', timezone: 'Asia/Tokyo' }));
    const after = new Date('2026-07-01T00:00:00Z');
    expect(iso(nextOccurrences(london, after, 1))).toEqual(['2026-07-01T16:00:00.000Z']);
    expect(iso(nextOccurrences(tokyo, after, 1))).toEqual(['2026-07-01T08:00:00.000Z']);
  });

  it('follows a weekday cron expression', () => {
    const trigger = triggerOf(spec({ cron: '30 16 * * 1-5' }));
    // Friday 2026-11-20 after the close: next is Monday.
    expect(iso(nextOccurrences(trigger, new Date('2026-11-20T22:00:00Z'), 2))).toEqual([
      '2026-11-23T21:30:00.000Z',
      '2026-11-24T21:30:00.000Z',
    ]);
  });

  it('aligns intervals to multiples since the epoch, strictly after the given time', () => {
    const trigger = triggerOf(spec({ interval_seconds: 900 }));
    expect(iso(nextOccurrences(trigger, new Date('2026-01-01T10:07:00Z'), 3))).toEqual([
      '2026-01-01T10:15:00.000Z',
      '2026-01-01T10:30:00.000Z',
      '2026-01-01T10:45:00.000Z',
    ]);
    expect(iso(nextOccurrences(trigger, new Date('2026-01-01T10:15:00Z'), 1))).toEqual(['2026-01-01T10:30:00.000Z']);
  });
});

describe('cronExpressionError', () => {
  it.each(['* * * * *', '*/5 * * * * *', '0 17 * * 1-5', '0 0 1 1 *'])('accepts %s', (expression) => {
    expect(cronExpressionError(expression)).toBeNull();
  });

  it.each([
    ['* * *', 'must have 5 fields (or 6 with seconds), got 3'],
    ['* * * * * * *', 'got 7'],
    ['61 * * * *', ''],
    ['* * * * mon-xyz', ''],
  ])('rejects %s', (expression, fragment) => {
    expect(cronExpressionError(expression)).toEqual(expect.stringContaining(fragment));
    expect(cronExpressionError(expression)).not.toBeNull();
  });
});

describe('nextOccurrences across DST edges', () => {
  const daysOf = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

  it('fires a 02:30 New York job once on the spring-forward day, although 02:30 does not exist then', () => {
    const trigger = triggerOf(spec({ schedule_time: '02:30' }));
    const dates = nextOccurrences(trigger, new Date('2026-03-07T12:00:00Z'), 3);
    expect(daysOf(dates)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(dates[1].toISOString()).toBe('2026-03-09T06:30:00.000Z');
  });

  it('fires a 01:30 New York job once on the fall-back day, although 01:30 happens twice', () => {
    const trigger = triggerOf(spec({ schedule_time: '01:30' }));
    const dates = nextOccurrences(trigger, new Date('2026-10-31T12:00:00Z'), 3);
    expect(daysOf(dates.map((d) => new Date(d.getTime() - 5 * 3600_000)))).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(new Set(daysOf(dates)).size).toBe(3);
  });
});

describe('latestOccurrence', () => {
  it('finds the most recent fire time within the bounds', () => {
    const daily = triggerOf(spec({ schedule_time: '17:00' }));
    const now = new Date('2026-11-20T15:00:00Z'); // 10:00 New York
    expect(latestOccurrence(daily, now, new Date('2026-11-01T00:00:00Z'))?.toISOString()).toBe('2026-11-19T22:00:00.000Z');
    expect(latestOccurrence(daily, now, new Date('2026-11-19T23:00:00Z'))).toBeNull();
  });

  it('is cheap for a job that fires every second, however long the gap', () => {
    const everySecond = triggerOf(spec({ cron: '* * * * * *' }));
    const now = new Date('2026-11-20T15:00:00.400Z');
    expect(latestOccurrence(everySecond, now, new Date('2026-11-19T00:00:00Z'))?.toISOString()).toBe('2026-11-20T15:00:00.000Z');
  });

  it('counts an occurrence exactly at either bound', () => {
    const hourly = triggerOf(spec({ interval_seconds: 3600 }));
    expect(latestOccurrence(hourly, new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:00:00Z'))?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(latestOccurrence(hourly, new Date('2026-01-01T10:59:59Z'), new Date('2026-01-01T10:00:01Z'))).toBeNull();
    const daily = triggerOf(spec({ schedule_time: '17:00' }));
    const at = new Date('2026-11-19T22:00:00Z');
    expect(latestOccurrence(daily, at, at)?.toISOString()).toBe(at.toISOString());
  });
});

describe('nextOccurrence', () => {
  // cron itself gives up on dates more than 8 years past the real clock: instants stay near today.
  it('agrees with cron for any instant, whatever its milliseconds', () => {
    const expressions = ['* * * * * *', '*/7 * * * * *', '30 15 9 * * 1-5', '0 0 17 * * *', '0 30 1 * * *', '0 */5 * * *'];
    const zones = ['UTC', 'America/New_York', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.constantFrom(...expressions), fc.constantFrom(...zones), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2031, 0, 1) }), (expression, timezone, ms) => {
        const expected = new CronTime(expression, timezone).getNextDateFrom(new Date(ms), timezone).toMillis();
        expect(nextOccurrence({ kind: 'cron', expression, timezone }, new Date(ms))?.getTime()).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('answers instants of one second alike, the second itself excluded', () => {
    const trigger = { kind: 'cron' as const, expression: '* * * * * *', timezone: 'UTC' };
    const next = (at: string) => nextOccurrence(trigger, new Date(at))?.toISOString();
    expect([next('2026-01-05T14:30:00.999Z'), next('2026-01-05T14:30:00.000Z'), next('2026-01-05T14:30:00.500Z')]).toEqual([
      '2026-01-05T14:30:01.000Z',
      '2026-01-05T14:30:01.000Z',
      '2026-01-05T14:30:01.000Z',
    ]);
  });

  it.each(['0 0 30 2 *', '0 0 0 31 4 *'])('answers null for %s, which matches no date, instead of throwing', (expression) => {
    const trigger = { kind: 'cron' as const, expression, timezone: 'UTC' };
    expect(nextOccurrence(trigger, new Date())).toBeNull();
    expect(nextOccurrences(trigger, new Date(), 3)).toEqual([]);
    expect(latestOccurrence(trigger, new Date(), new Date(Date.now() - 86_400_000))).toBeNull();
  });
});

import fc from 'fast-check';
import { closedMarketReason, latestFireTime, nextArming, type FireSchedule } from './fire-schedule.js';
import { MARKET_HOURS_HORIZON_MS, marketHoursOccurrences } from './fire-times.js';
import { nextOccurrence, type Trigger } from './schedule.js';

const DAY = 86_400_000;
const newYork = (expression: string): Trigger => ({ kind: 'cron', expression, timezone: 'America/New_York' });
const inMarketHours = (trigger: Trigger): FireSchedule => ({ trigger, marketHoursOnly: true });

const triggers: Trigger[] = [
  newYork('0 * * * * *'),
  newYork('0 */5 * * * *'),
  newYork('0 30 9-15 * * 1-5'),
  newYork('0 0 10,14 * * *'),
  { kind: 'cron', expression: '*/20 * * * *', timezone: 'Asia/Tokyo' },
  { kind: 'interval', seconds: 60 },
  { kind: 'interval', seconds: 7 * 3600 },
];
// Thanksgiving and its early close, a spring and an autumn change of offset, a weekend.
const edges = ['2026-11-25T20:59:59.500Z', '2026-11-27T17:59:00Z', '2027-03-12T21:00:00Z', '2027-11-05T20:59:00Z', '2027-01-09T12:00:00Z'].map(Date.parse);
const instant = fc.oneof(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) }), fc.constantFrom(...edges));

describe('nextArming', () => {
  it('arms a schedule without market hours at its next occurrence', () => {
    const trigger = newYork('0 0 17 * * *');
    const after = new Date('2026-11-26T12:00:00Z'); // Thanksgiving: no matter without market hours
    expect(nextArming({ trigger, marketHoursOnly: false }, after)).toEqual({ at: nextOccurrence(trigger, after), isFire: true });
  });

  it('arms a market_hours_only schedule at its first fire time inside NYSE hours, whatever the millisecond asked from', () => {
    fc.assert(
      fc.property(fc.constantFrom(...triggers), instant, (trigger, ms) => {
        const after = new Date(ms);
        const [expected] = marketHoursOccurrences(trigger, after, 1, new Date(ms + MARKET_HOURS_HORIZON_MS));
        expect(nextArming(inMarketHours(trigger), after)).toEqual({ at: expected, isFire: true });
      }),
      { numRuns: 200 },
    );
  });

  it('arms an every-minute job at the close of a session for the next open, past a holiday', () => {
    const arming = nextArming(inMarketHours(newYork('0 * * * * *')), new Date('2026-11-25T20:59:00Z')); // Wednesday 15:59 New York
    expect(arming).toEqual({ at: new Date('2026-11-27T14:30:00Z'), isFire: true }); // Friday 09:30: Thursday is Thanksgiving
  });

  it('searches beyond the horizon from the next occurrence for a sparse schedule, waking outside NYSE hours to search again', () => {
    // 14 April is a Friday in 2028, then a Saturday, a Sunday and a Monday (cron reaches 8 years from today only).
    const yearly = inMarketHours(newYork('0 0 10 14 4 *'));
    const first = nextArming(yearly, new Date('2028-04-15T00:00:00Z'));
    expect(first).toEqual({ at: new Date('2030-04-14T14:00:00Z'), isFire: false });
    expect(nextArming(yearly, first!.at)).toEqual({ at: new Date('2031-04-14T14:00:00Z'), isFire: true });
  });

  it('arms a stored schedule that never fires inside NYSE hours only to search again beyond the horizon', () => {
    const after = new Date('2026-12-01T00:00:00Z');
    const arming = nextArming(inMarketHours(newYork('0 0 10 * * 0,6')), after);
    expect(arming?.isFire).toBe(false);
    expect(arming!.at.getTime()).toBeGreaterThan(after.getTime() + MARKET_HOURS_HORIZON_MS);
    expect(arming!.at.getTime()).toBeLessThan(after.getTime() + MARKET_HOURS_HORIZON_MS + 7 * DAY);
  });

  it('is null for a schedule without any occurrence left', () => {
    expect(nextArming(inMarketHours(newYork('0 0 30 2 *')), new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });
});

describe('latestFireTime', () => {
  it('finds the latest fire time inside NYSE hours of a window: the last of those found forwards', () => {
    fc.assert(
      fc.property(fc.constantFrom(...triggers), instant, fc.integer({ min: 0, max: 2 * DAY }), (trigger, ms, span) => {
        const [notBefore, atOrBefore] = [new Date(ms - span), new Date(ms)];
        // Two days hold fewer fire times than the search's bound of steps.
        const forwards = marketHoursOccurrences(trigger, new Date(ms - span - 1), 1000, atOrBefore);
        expect(latestFireTime(inMarketHours(trigger), atOrBefore, notBefore)).toEqual(forwards.at(-1) ?? null);
      }),
      { numRuns: 200 },
    );
  });

  it('passes over the occurrences of a closed market to the latest one in session', () => {
    const everyMinute = inMarketHours(newYork('0 * * * * *'));
    // From Wednesday 15:50 to Friday 08:00 New York, Thanksgiving between.
    expect(latestFireTime(everyMinute, new Date('2026-11-27T13:00:00Z'), new Date('2026-11-25T20:50:00Z'))).toEqual(new Date('2026-11-25T20:59:00Z'));
    expect(latestFireTime(everyMinute, new Date('2026-11-27T13:00:00Z'), new Date('2026-11-25T21:00:00Z'))).toBeNull();
    expect(latestFireTime({ ...everyMinute, marketHoursOnly: false }, new Date('2026-11-27T13:00:00Z'), new Date('2026-11-25T21:00:00Z'))).toEqual(new Date('2026-11-27T13:00:00Z'));
  });
});

describe('closedMarketReason', () => {
  it('says why an instant is no fire of a market_hours_only schedule, and nothing otherwise', () => {
    const thanksgiving = new Date('2026-11-26T15:00:00Z');
    expect(closedMarketReason(true, thanksgiving)).toBe('NYSE holiday: Thanksgiving Day (2026-11-26)');
    expect(closedMarketReason(false, thanksgiving)).toBeNull();
    expect(closedMarketReason(true, new Date('2026-11-25T15:00:00Z'))).toBeNull();
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isoInZone } from './time-format.js';

const zones = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Africa/Casablanca'];
// 1990–2060; the minute-exact offset changes are pinned by the next case.
const instants = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });

describe('isoInZone', () => {
  it('writes what luxon writes, for any instant in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instants, (zone, ms) => {
        expect(isoInZone(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).toISO());
      }),
      { numRuns: 5000 },
    );
  });

  it('follows the offset across a DST change to the millisecond', () => {
    const change = Date.parse('2026-03-08T07:00:00.000Z'); // 02:00 EST becomes 03:00 EDT
    expect([change - 1, change, change + 1].map((ms) => isoInZone(ms, 'America/New_York'))).toEqual([
      '2026-03-08T01:59:59.999-05:00',
      '2026-03-08T03:00:00.000-04:00',
      '2026-03-08T03:00:00.001-04:00',
    ]);
  });
});

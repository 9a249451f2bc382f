import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CRON_NAME_PREFIX, CronRegistry } from './cron-registry.js';
import type { FireSchedule } from './fire-schedule.js';
import { MARKET_HOURS_HORIZON_MS } from './fire-times.js';
import type { Trigger } from './schedule.js';

const always = (trigger: Trigger): FireSchedule => ({ trigger, marketHoursOnly: false });
const inMarketHours = (trigger: Trigger): FireSchedule => ({ trigger, marketHoursOnly: true });
const everySecond = always({ kind: 'interval', seconds: 1 });

describe('CronRegistry', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  // cron 4.4.0 reads `startTime` after computing the timeout; when the event loop stalls between the
  // two (here 5 ms) and the timer's callback then runs a little after the date (here 2 ms, a busy
  // loop), it wakes before the `startTime + timeout` it measured and asks cron for the timeout again.
  it('fires when cron wakes after the date it was armed for but before the end it measured', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-05T14:30:00.500Z') });
    const clock = Date.now.bind(Date);
    const firstCronFrame = () => {
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 40; // jest-mock's own frames come first
      const stack = new Error().stack ?? '';
      Error.stackTraceLimit = limit;
      return stack.split('\n').find((line) => line.includes('/cron/dist/')) ?? '';
    };
    jest.spyOn(Date, 'now').mockImplementation(() => (firstCronFrame().includes('setCronTimeout') ? clock() + 5 : clock()));
    const timer = global.setTimeout;
    jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => timer(fn, (ms ?? 0) + 2)) as typeof setTimeout);
    const registry = new CronRegistry(new SchedulerRegistry());
    const fires: string[] = [];

    registry.register('job-1', everySecond, async (_id, at) => void fires.push(at.toISOString()), true);
    await jest.advanceTimersByTimeAsync(3000);

    expect(fires).toEqual(['2026-01-05T14:30:01.000Z', '2026-01-05T14:30:02.000Z', '2026-01-05T14:30:03.000Z']);
  });

  it('arms the next fire once the handler has handed the fire over, even when it failed', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-05T14:30:00.500Z') });
    const registry = new CronRegistry(new SchedulerRegistry());
    let handOver: () => void = () => undefined;
    const fires: string[] = [];
    const onFire = (_id: string, at: Date) => {
      fires.push(at.toISOString());
      if (fires.length === 1) return new Promise<void>((resolve) => (handOver = resolve));
      return Promise.reject(new Error('store down'));
    };

    registry.register('job-1', everySecond, onFire, true);
    await jest.advanceTimersByTimeAsync(3000);
    expect(fires).toEqual(['2026-01-05T14:30:01.000Z']);
    expect(registry.nextFire('job-1')?.toISOString()).toBe('2026-01-05T14:30:02.000Z');

    handOver(); // at 14:30:03.5: the occurrences at 02 and 03 have passed and are not fired late
    await jest.advanceTimersByTimeAsync(2000);
    expect(fires).toEqual(['2026-01-05T14:30:01.000Z', '2026-01-05T14:30:04.000Z', '2026-01-05T14:30:05.000Z']);
  });

  it('leaves a job stopped while its fire was being handed over stopped', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-05T14:30:00.500Z') });
    const registry = new CronRegistry(new SchedulerRegistry());
    let handOver: () => void = () => undefined;
    let fires = 0;
    registry.register('job-1', everySecond, () => new Promise<void>((resolve) => (fires++, (handOver = resolve))), true);
    await jest.advanceTimersByTimeAsync(1000);
    registry.stopAll();
    handOver();
    await jest.advanceTimersByTimeAsync(3000);
    expect(fires).toBe(1);
    expect(registry.nextFire('job-1')).toBeNull();
  });

  it('registers a stored schedule that never fires unarmed, without throwing', () => {
    const schedulerRegistry = new SchedulerRegistry();
    const registry = new CronRegistry(schedulerRegistry);
    registry.register('job-1', always({ kind: 'cron', expression: '0 0 30 2 *', timezone: 'UTC' }), async () => undefined, true);
    expect(schedulerRegistry.doesExist('cron', `${CRON_NAME_PREFIX}job-1`)).toBe(true);
    expect(registry.nextFire('job-1')).toBeNull();
  });

  describe('a market_hours_only job', () => {
    const everyMinute = inMarketHours({ kind: 'cron', expression: '0 * * * * *', timezone: 'America/New_York' });
    const fired = (fires: Date[]) => fires.map((at) => at.toISOString());

    it('is armed at its next fire time inside NYSE hours: an every-minute job does not wake once over a closed night', async () => {
      jest.useFakeTimers({ now: new Date('2026-11-25T20:58:30.000Z') }); // Wednesday 15:58:30 New York, before Thanksgiving
      const registry = new CronRegistry(new SchedulerRegistry());
      const fires: Date[] = [];
      registry.register('job-1', everyMinute, async (_id, at) => void fires.push(at), true);

      await jest.advanceTimersByTimeAsync(60_000);
      expect(fired(fires)).toEqual(['2026-11-25T20:59:00.000Z']); // 15:59, the session's last minute
      // Thursday is Thanksgiving: the next fire is Friday's open, and the CronJob sleeps until then.
      expect(registry.nextFire('job-1')?.toISOString()).toBe('2026-11-27T14:30:00.000Z');

      await jest.advanceTimersByTimeAsync(Date.parse('2026-11-27T14:29:59.000Z') - Date.now());
      expect(fires).toHaveLength(1);
      await jest.advanceTimersByTimeAsync(61_000);
      expect(fired(fires).slice(1)).toEqual(['2026-11-27T14:30:00.000Z', '2026-11-27T14:31:00.000Z']);
    });

    it('arms again inside NYSE hours when resumed while the market is closed', async () => {
      jest.useFakeTimers({ now: new Date('2026-11-27T17:58:30.000Z') }); // Friday 12:58:30 New York, an early close at 13:00
      const registry = new CronRegistry(new SchedulerRegistry());
      const fires: Date[] = [];
      registry.register('job-1', everyMinute, async (_id, at) => void fires.push(at), true);
      expect(registry.nextFire('job-1')?.toISOString()).toBe('2026-11-27T17:59:00.000Z');
      registry.stopAll();
      await jest.advanceTimersByTimeAsync(5 * 60_000);
      expect(fires).toEqual([]);

      registry.startAll(); // 13:03:30, after the close: Monday's open is next
      expect(registry.nextFire('job-1')?.toISOString()).toBe('2026-11-30T14:30:00.000Z');
      await jest.advanceTimersByTimeAsync(Date.parse('2026-11-30T14:30:00.000Z') - Date.now());
      expect(fired(fires)).toEqual(['2026-11-30T14:30:00.000Z']);
    });

    it('wakes a stored schedule that never fires inside NYSE hours only beyond the horizon, and answers no next fire', async () => {
      jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00.000Z') });
      const registry = new CronRegistry(new SchedulerRegistry());
      const fires: Date[] = [];
      registry.register('job-1', inMarketHours({ kind: 'cron', expression: '0 0 10 * * 0,6', timezone: 'America/New_York' }), async (_id, at) => void fires.push(at), true);
      expect(registry.nextFire('job-1')).toBeNull();
      await jest.advanceTimersByTimeAsync(MARKET_HOURS_HORIZON_MS);
      expect(fires).toEqual([]);
      await jest.advanceTimersByTimeAsync(7 * 86_400_000);
      expect(fires).toHaveLength(1); // a Saturday or Sunday: the scheduler counts it and writes nothing
      registry.stopAll();
    });
  });
});

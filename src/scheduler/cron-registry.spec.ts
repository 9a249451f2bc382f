import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CRON_NAME_PREFIX, CronRegistry } from './cron-registry.js';

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

    registry.register('job-1', { kind: 'interval', seconds: 1 }, async (_id, at) => void fires.push(at.toISOString()), true);
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

    registry.register('job-1', { kind: 'interval', seconds: 1 }, onFire, true);
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
    registry.register('job-1', { kind: 'interval', seconds: 1 }, () => new Promise<void>((resolve) => (fires++, (handOver = resolve))), true);
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
    registry.register('job-1', { kind: 'cron', expression: '0 0 30 2 *', timezone: 'UTC' }, async () => undefined, true);
    expect(schedulerRegistry.doesExist('cron', `${CRON_NAME_PREFIX}job-1`)).toBe(true);
    expect(registry.nextFire('job-1')).toBeNull();
  });
});

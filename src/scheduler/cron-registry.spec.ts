import { jest } from '@jest/globals';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronTime } from 'cron';
import { CRON_NAME_PREFIX, CronRegistry } from './cron-registry.js';

describe('CronRegistry', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('arms a CronJob again when it refuses a date the clock has just passed', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-05T14:30:00.500Z') });
    const schedulerRegistry = new SchedulerRegistry();
    const registry = new CronRegistry(schedulerRegistry);
    jest.spyOn(CronTime.prototype, 'sendAt').mockImplementationOnce(() => {
      throw new Error('WARNING: Date in past. Will never be fired.');
    });
    const fires: string[] = [];

    registry.register('job-1', { kind: 'interval', seconds: 1 }, async (_id, at) => void fires.push(at.toISOString()), true);
    await jest.advanceTimersByTimeAsync(3000);

    expect(schedulerRegistry.doesExist('cron', `${CRON_NAME_PREFIX}job-1`)).toBe(true);
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
});

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

    registry.register('job-1', { kind: 'interval', seconds: 1 }, (_id, at) => fires.push(at.toISOString()), true);
    await jest.advanceTimersByTimeAsync(3000);

    expect(schedulerRegistry.doesExist('cron', `${CRON_NAME_PREFIX}job-1`)).toBe(true);
    expect(fires).toEqual(['2026-01-05T14:30:01.000Z', '2026-01-05T14:30:02.000Z', '2026-01-05T14:30:03.000Z']);
  });
});

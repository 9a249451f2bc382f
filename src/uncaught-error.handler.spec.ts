import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { CronTime } from 'cron';
import { CronError } from 'cron/dist/errors.js';
import { handleUncaughtError } from './uncaught-error.handler.js';

describe('handleUncaughtError', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs an error thrown by cron and keeps the process running', () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const exit = jest.fn<(code: number) => void>();
    // The error cron throws from its timer for a date that has passed.
    const thrown = (() => {
      try {
        new CronTime(new Date(Date.now() - 1000)).getTimeout();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(CronError);

    handleUncaughtError(thrown, exit);

    expect(exit).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('Date in past'));
  });

  it('exits with code 1 on any other error', () => {
    const logged = jest.spyOn(Logger.prototype, 'fatal').mockImplementation(() => undefined);
    const exit = jest.fn<(code: number) => void>();
    handleUncaughtError(new TypeError('x is not a function'), exit);
    expect(exit).toHaveBeenCalledWith(1);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('x is not a function'));
  });
});

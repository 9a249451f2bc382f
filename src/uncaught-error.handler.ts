import { Logger } from '@nestjs/common';
import { CronError } from 'cron/dist/errors.js';

const logger = new Logger('Process');

/**
 * The standalone service's last resort for an error nothing caught (the module itself installs no
 * process handler): one thrown by the cron library, always from inside a timer, is logged and the
 * service keeps running, since every other job's timer still works; anything else is logged and
 * ends the process with code 1, as Node would.
 */
export function handleUncaughtError(error: unknown, exit: (code: number) => void = (code) => process.exit(code)): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (error instanceof CronError) {
    logger.error(`uncaught error from the cron library, the service keeps running: ${detail}`);
    return;
  }
  logger.fatal(`uncaught error, exiting: ${detail}`);
  exit(1);
}

import { Logger } from '@nestjs/common';
import { inspect } from 'node:util';
import type YahooFinance from 'yahoo-finance2';

type YahooLogger = NonNullable<NonNullable<ConstructorParameters<typeof YahooFinance>[0]>['logger']>;
type NestLogger = Pick<Logger, 'log' | 'warn' | 'error' | 'debug'>;

// yahoo-finance2 4.x warns on every construction under Node < 22; the service supports Node 20.
const UNSUPPORTED_RUNTIME = /Unsupported environment/;

function format(args: unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 5 }))).join(' ');
}

/** Routes yahoo-finance2's console-style logging to Nest's Logger (context `YahooFinance`). */
export function createYahooLogger(logger: NestLogger = new Logger('YahooFinance')): YahooLogger {
  return {
    info: (...args) => logger.log(format(args)),
    warn: (...args) => {
      const message = format(args);
      if (UNSUPPORTED_RUNTIME.test(message)) logger.debug(message);
      else logger.warn(message);
    },
    error: (...args) => logger.error(format(args)),
    debug: (...args) => logger.debug(format(args)),
    // The second argument of dir() is console.dir's options, not content.
    dir: (value) => logger.debug(format([value])),
  };
}

import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InvalidStoreInputError, StoreCommandError } from './store-errors.js';

interface RequestLine {
  method?: string;
  url?: string;
  params?: { id?: string };
}

/**
 * A store that refused a command or a value is a bug of ours, not an outage and not the caller's
 * input (validated before): the detail (a script's error, the field) goes to the log with the job,
 * the caller gets Nest's generic 500 body, which shows no internals.
 */
@Catch(StoreCommandError, InvalidStoreInputError)
export class StoreFaultFilter implements ExceptionFilter {
  private readonly logger = new Logger('Storage');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: StoreCommandError | InvalidStoreInputError, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const { method, url = '', params } = http.getRequest<RequestLine>();
    // The path only: query strings are never logged.
    const route = `${method} ${url.split('?')[0]}`;
    this.logger.error(`${params?.id ? `job ${params.id}: ` : ''}${route}: ${error.message}`, error.stack);
    const body = { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
    this.adapterHost.httpAdapter.reply(http.getResponse(), body, HttpStatus.INTERNAL_SERVER_ERROR);
  }
}

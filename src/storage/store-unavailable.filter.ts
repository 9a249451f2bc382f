import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { StoreUnavailableError } from './store-errors.js';

/** An unreachable store is the service's fault, not the caller's: 503 with the reason, never a 500. */
@Catch(StoreUnavailableError)
export class StoreUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('Storage');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(error: StoreUnavailableError, host: ArgumentsHost): void {
    this.logger.warn(error.message);
    const body = { statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: error.message, error: 'Service Unavailable' };
    // Through the HTTP adapter, so the answer is the same on the Express and the Fastify platform.
    this.adapterHost.httpAdapter.reply(host.switchToHttp().getResponse(), body, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

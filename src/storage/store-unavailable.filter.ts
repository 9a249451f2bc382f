import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { StoreUnavailableError } from './store-errors.js';

/** An unreachable store is the service's fault, not the caller's: 503 with the reason, never a 500. */
@Catch(StoreUnavailableError)
export class StoreUnavailableFilter implements ExceptionFilter {
  private readonly logger = new Logger('Storage');

  catch(error: StoreUnavailableError, host: ArgumentsHost): void {
    this.logger.warn(error.message);
    host
      .switchToHttp()
      .getResponse()
      .status(HttpStatus.SERVICE_UNAVAILABLE)
      .json({ statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: error.message, error: 'Service Unavailable' });
  }
}

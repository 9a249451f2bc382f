import { ConsoleLogger } from '@nestjs/common';
import { ConfigError } from './config/environment.js';
import { StoreUnavailableError } from './storage/store-errors.js';

/**
 * The one line the standalone service ends with when it cannot start: the cause, and the
 * variable to change.
 */
export function startupFailure(error: unknown, port: number | undefined): string {
  if (error instanceof ConfigError) return `Cannot start: ${error.message}`;
  if (error instanceof StoreUnavailableError) {
    return `Cannot start: ${error.message.replace(/\.$/, '')}. Check REDIS_URL (unset, the service runs on the in-process store).`;
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `Cannot start: port ${port} is already in use. Set PORT to a free port.`;
  if (code === 'EACCES') return `Cannot start: no permission to listen on port ${port}. Set PORT to a port above 1023.`;
  return `Cannot start: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Nest's logger, less the stack trace Nest prints for an error while the app is being created:
 * the bootstrap reports that error itself, as {@link startupFailure}'s one line.
 */
export class ServiceLogger extends ConsoleLogger {
  private creating = true;

  /** The app is created: from now on every error is printed as Nest prints it. */
  created(): void {
    this.creating = false;
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (this.creating && rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}

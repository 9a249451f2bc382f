import type { ChainableCommander } from 'ioredis';
import { StoreUnavailableError } from '../store-errors.js';

/**
 * Runs one Redis interaction, turning any failure (connection refused, command timeout, closed
 * stream, error reply) into a {@link StoreUnavailableError} so callers never see ioredis errors.
 */
export async function redisCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toStoreUnavailable(err);
  }
}

/** Executes a MULTI and returns each command's reply; a failed command fails the whole call. */
export function redisTransaction(multi: ChainableCommander): Promise<unknown[]> {
  return redisCall(async () => {
    const results = await multi.exec();
    if (!results) throw new Error('transaction aborted');
    // EXEC reports per-command errors inside its reply instead of rejecting.
    return results.map(([err, reply]) => {
      if (err) throw err;
      return reply;
    });
  });
}

function toStoreUnavailable(err: unknown): StoreUnavailableError {
  const reason = err instanceof Error ? err.message : String(err);
  // An error reply means Redis answered but refused the command, which "unreachable" would misstate.
  const message = !(err instanceof Error && err.name === 'ReplyError')
    ? `Redis is unreachable: ${reason}`
    : /\bOOM\b/.test(reason)
      ? 'Redis is out of memory (maxmemory reached): it refuses writes until memory is freed, e.g. by deleting jobs'
      : `Redis rejected a command: ${reason}`;
  return new StoreUnavailableError(message, { cause: err });
}

import type { ChainableCommander } from 'ioredis';
import { StoreCommandError, StoreUnavailableError } from '../store-errors.js';

/**
 * Runs one Redis interaction so that callers never see ioredis errors: a connection refused, a
 * timeout, a closed stream or an out-of-memory refusal becomes a {@link StoreUnavailableError};
 * any other error reply (a refused command, a failed script) a {@link StoreCommandError}.
 */
export async function redisCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toStoreError(err);
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

function toStoreError(err: unknown): StoreUnavailableError | StoreCommandError {
  const reason = err instanceof Error ? err.message : String(err);
  if (!(err instanceof Error && err.name === 'ReplyError')) return new StoreUnavailableError(`Redis is unreachable: ${reason}`, { cause: err });
  // Redis answered: out of memory is an outage of the store, anything else a command of ours it refused.
  if (/(^|\s)OOM\b/.test(reason)) {
    return new StoreUnavailableError('Redis is out of memory (maxmemory reached): it refuses writes until memory is freed, e.g. by deleting jobs', { cause: err });
  }
  return new StoreCommandError(`Redis refused a command: ${reason}`, { cause: err });
}

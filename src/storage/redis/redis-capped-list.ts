import type { Redis } from 'ioredis';
import { redisCall } from './redis-call.js';
import { defineScript } from './redis-script.js';

const PUSH_CAPPED = `
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
`;

export type CappedPush = (key: string, value: string, keep: number) => Promise<void>;

/**
 * LPUSH + LTRIM as one script: atomic like a MULTI, but it leaves in the client's automatic
 * pipeline with everything else, where a MULTI costs a socket write of its own.
 */
export function cappedListPush(client: Redis): CappedPush {
  const push = defineScript<null>(client, 'pushCapped', PUSH_CAPPED);
  return async (key, value, keep) => {
    await redisCall(() => push([key], [value, keep]));
  };
}

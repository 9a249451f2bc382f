import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { QuotaExceededError, RateLimitedError } from '../provider-errors.js';

/** A provider's request quota; null: no such limit. */
export interface QuotaLimits {
  perMinute: number | null;
  perDay: number | null;
}

const MINUTE_S = 60;
const DAY_S = 86_400;

/**
 * The requests a keyed provider may still get, counted per HTTP request in Redis (rate-limiter-
 * flexible), so that every replica and restart shares one count; in process on the memory store.
 * While Redis is unreachable an in-process count stands in (the limiter's insurance), so an outage
 * never lets the quota go unguarded.
 */
export class ProviderQuota {
  private readonly minute: RateLimiterAbstract | null;
  private readonly day: RateLimiterAbstract | null;

  constructor(
    readonly provider: string,
    limits: QuotaLimits,
    client: Redis | null,
  ) {
    const limiter = (points: number | null, duration: number, window: string) => {
      if (points === null) return null;
      const keyPrefix = `scheduler:quota:${provider}:${window}`;
      const memory = new RateLimiterMemory({ points, duration, keyPrefix });
      return client ? new RateLimiterRedis({ storeClient: client, points, duration, keyPrefix, insuranceLimiter: memory }) : memory;
    };
    this.minute = limiter(limits.perMinute, MINUTE_S, 'minute');
    this.day = limiter(limits.perDay, DAY_S, 'day');
  }

  /**
   * Takes one request: RateLimitedError when the minute's are used up (retried after the wait it
   * names), QuotaExceededError when the day's are (the next provider is asked).
   */
  async take(): Promise<void> {
    try {
      await this.minute?.consume('requests');
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new RateLimitedError(`${this.provider}'s per-minute quota is used up`, error.msBeforeNext);
    }
    try {
      await this.day?.consume('requests');
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new QuotaExceededError(`${this.provider}'s daily quota is used up (next request in ${Math.ceil(error.msBeforeNext / 60_000)} min)`);
    }
  }

  /** Requests counted in the current day window; null without a daily quota. */
  async usedToday(): Promise<number | null> {
    if (!this.day) return null;
    return (await this.day.get('requests'))?.consumedPoints ?? 0;
  }
}

/** `fetch`, taking one request from `quota` before each one it sends. */
export function quotaFetch(send: typeof fetch, quota: ProviderQuota): typeof fetch {
  return async (input, init) => {
    await quota.take();
    return send(input, init);
  };
}

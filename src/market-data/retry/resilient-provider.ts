import pRetry from 'p-retry';
import pThrottle from 'p-throttle';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestContext } from '../../datasets/dataset.js';
import type { MarketDataProvider, ProviderMethod } from '../market-data-provider.js';
import type { ProviderGuard } from '../chain/provider-breaker.js';
import { ProviderError, RateLimitedError } from '../provider-errors.js';

export interface ResilienceOptions {
  /** Requests started per second at most, across every caller of this instance. */
  maxRps: number;
  /** Retries after the first attempt, for retryable errors only. */
  retries: number;
  /** Delay before the first retry; doubles per retry, randomised ×1–2, capped at `maxDelayMs`. */
  minDelayMs: number;
  maxDelayMs?: number;
  onRetry?: (info: { request: ProviderRequest; attempt: number; error: Error; delayMs: number }) => void;
  /** After every attempt: "ok" or the error's name. */
  onAttempt?: (outcome: string) => void;
  /**
   * Counts the faults of every attempt (a cockatiel breaker, see ProviderGuard); while it is open,
   * attempts fail at once with CircuitOpenError, which is not retried, so a dead provider costs the
   * breaker's threshold in requests.
   */
  breaker?: ProviderGuard;
}

/** What every provider request names: one symbol, or the batch of a quotes request. */
export interface ProviderRequest extends RequestContext {
  symbol?: string;
  symbols?: string[];
}

const METHODS: readonly ProviderMethod[] = ['fetchChart', 'fetchQuotes', 'fetchOptions', 'fetchProfile', 'fetchEarnings', 'fetchNews', 'fetchEconomicEvents'];

const ATTEMPTS = Symbol('attempts');

/** How many attempts a failed fetch made (1 when it was not retried). */
export function attemptsOf(error: unknown): number {
  return (error as { [ATTEMPTS]?: number } | null)?.[ATTEMPTS] ?? 1;
}

/**
 * Starts are counted here, arrivals at Yahoo: a 5 % longer window keeps the event-loop and network
 * jitter in between from squeezing one request too many into a second at Yahoo's end.
 */
const WINDOW_STRETCH = 1.05;

function throttleWindow(maxRps: number): { limit: number; interval: number } {
  return maxRps >= 1
    ? { limit: Math.floor(maxRps), interval: Math.round(1000 * WINDOW_STRETCH) }
    : { limit: 1, interval: Math.round((1000 / maxRps) * WINDOW_STRETCH) };
}

/**
 * Wraps every method of a provider with one global request rate (p-throttle, strict: never more than
 * the limit in any window, whichever dataset asks) and retries of transient failures with
 * exponential backoff and jitter (p-retry), honouring a 429's Retry-After. Permanent failures
 * (unknown symbol, invalid answer) fail at once. Methods the inner provider lacks stay absent.
 */
// Merged with the class: the port's optional methods, assigned in the constructor for those served.
export interface ResilientProvider extends MarketDataProvider {}
export class ResilientProvider implements MarketDataProvider {
  private readonly throttled: <T>(attempt: () => Promise<T>) => Promise<T>;

  constructor(
    inner: MarketDataProvider,
    private readonly options: ResilienceOptions,
  ) {
    const throttle = pThrottle({ ...throttleWindow(options.maxRps), strict: true });
    this.throttled = throttle(async <T>(attempt: () => Promise<T>): Promise<T> => {
      try {
        const answer = await attempt();
        options.onAttempt?.('ok');
        return answer;
      } catch (error) {
        options.onAttempt?.(error instanceof Error ? error.name : 'Error');
        throw error;
      }
    }) as <T>(attempt: () => Promise<T>) => Promise<T>;
    // The inner method is looked up at each call, not bound once: a host may wrap or replace it later.
    const call = (method: ProviderMethod, request: ProviderRequest) => (inner[method] as (request: ProviderRequest) => Promise<unknown>).call(inner, request);
    for (const method of METHODS.filter((name) => inner[name])) {
      Object.assign(this, { [method]: (request: ProviderRequest) => this.withRetries(request, () => call(method, request)) });
    }
  }

  private guarded<T>(attempt: () => Promise<T>): Promise<T> {
    const { breaker } = this.options;
    return breaker ? breaker.run(() => this.throttled(attempt)) : this.throttled(attempt);
  }

  private async withRetries<T>(request: ProviderRequest, attempt: () => Promise<T>): Promise<T> {
    let attempts = 0;
    try {
      return await pRetry(
        () => {
          attempts++;
          return this.guarded(attempt);
        },
        {
          // A job's own policy (its request says so) replaces the configured one.
          retries: request.retry?.attempts ?? this.options.retries,
          minTimeout: request.retry?.backoff_ms ?? this.options.minDelayMs,
          maxTimeout: this.options.maxDelayMs ?? 10_000,
          factor: 2,
          randomize: true,
          shouldRetry: ({ error }) => error instanceof ProviderError && error.retryable,
          onFailedAttempt: async ({ error, attemptNumber, retriesLeft, retryDelay }) => {
            if (retriesLeft === 0 || !(error instanceof ProviderError && error.retryable)) return;
            const floor = error instanceof RateLimitedError ? (error.retryAfterMs ?? 0) : 0;
            this.options.onRetry?.({ request, attempt: attemptNumber, error, delayMs: Math.max(floor, retryDelay) });
            // p-retry waits retryDelay after this; wait the rest of a longer Retry-After first.
            if (floor > retryDelay) await sleep(floor - retryDelay);
          },
        },
      );
    } catch (error) {
      if (error instanceof Error) Object.defineProperty(error, ATTEMPTS, { value: attempts, configurable: true });
      throw error;
    }
  }
}

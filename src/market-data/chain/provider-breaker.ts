import { circuitBreaker, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { InvalidResponseError, ProviderError, QuotaExceededError } from '../provider-errors.js';

export interface BreakerOptions {
  /** Consecutive faulty attempts that open it (default 5). */
  faults: number;
  /** How long it stays open before one probe may try again (default 60 s). */
  coolDownMs: number;
}

/**
 * A provider's circuit breaker: faults are what says the provider, not the symbol, is the problem
 * (unreachable, 5xx, rate limited, over quota, answers it cannot read). An unknown symbol or an empty
 * answer is the symbol's and counts as a success.
 */
export function providerBreaker({ faults, coolDownMs }: BreakerOptions): CircuitBreakerPolicy {
  const isFault = (error: unknown) => error instanceof ProviderError && (error.retryable || error instanceof InvalidResponseError || error instanceof QuotaExceededError);
  return circuitBreaker(handleWhen(isFault), { halfOpenAfter: coolDownMs, breaker: new ConsecutiveBreaker(faults) });
}

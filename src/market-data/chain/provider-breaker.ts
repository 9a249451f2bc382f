import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';
import { CircuitOpenError, InvalidResponseError, ProviderError, QuotaExceededError } from '../provider-errors.js';

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
  return circuitBreaker(handleWhen(isFault), { halfOpenAfter: coolDownMs, breaker: new ConsecutiveBreaker(faults) });
}

const isFault = (error: unknown) => error instanceof ProviderError && (error.retryable || error instanceof InvalidResponseError || error instanceof QuotaExceededError);

/**
 * A provider's breaker, and a cap on its requests in flight: together with its faults in a row
 * they never exceed the breaker's threshold. A provider that goes down then costs the threshold, not
 * that plus every request already on its way when the breaker opens; a healthy one has the
 * threshold's worth in flight at once.
 */
export class ProviderGuard {
  private faultsInARow = 0;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly provider: string,
    readonly policy: CircuitBreakerPolicy,
    private readonly threshold: number,
  ) {}

  async run<T>(attempt: () => Promise<T>): Promise<T> {
    // Never waits with nothing in flight, nor while the breaker is open (it answers at once then).
    while (this.inFlight > 0 && this.inFlight + this.faultsInARow >= this.threshold && this.policy.state === CircuitState.Closed) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight++;
    try {
      const answer = await this.policy.execute(attempt);
      this.faultsInARow = 0;
      return answer;
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(`${this.provider} is skipped for a while after repeated faults (circuit open)`, { cause: error });
      this.faultsInARow = isFault(error) ? this.faultsInARow + 1 : 0;
      throw error;
    } finally {
      this.inFlight--;
      for (const wake of this.waiting.splice(0)) wake();
    }
  }
}

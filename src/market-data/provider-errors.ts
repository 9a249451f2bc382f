/** Base of every provider failure; `retryable` decides whether another attempt can help. */
export abstract class ProviderError extends Error {
  abstract readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Unknown or delisted symbol: permanent. */
export class SymbolNotFoundError extends ProviderError {
  readonly retryable = false;
}

/** The provider answered 429; `retryAfterMs` comes from Retry-After when present. */
export class RateLimitedError extends ProviderError {
  readonly retryable = true;

  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Network error, timeout or 5xx: transient. */
export class ProviderUnavailableError extends ProviderError {
  readonly retryable = true;
}

/** The answer could not be understood (bad JSON, failed schema validation): permanent. */
export class InvalidResponseError extends ProviderError {
  readonly retryable = false;
}

/** The provider answered, but with no bars for the window (seed 000: "No data returned"), or none that passed validation. */
export class NoDataError extends ProviderError {
  readonly retryable = false;

  constructor(
    message: string,
    /** Bars the answer had, all dropped by validation: they still count in the run's bars_rejected. */
    readonly rejected = 0,
  ) {
    super(message);
  }
}

/** The provider has no method for the dataset (a host's own provider serving a subset): permanent. */
export class DatasetUnsupportedError extends ProviderError {
  readonly retryable = false;
}

/**
 * The provider refused our credentials (HTTP 401/403, an "invalid API key" answer): permanent for the
 * process, never retried per symbol; the provider is taken out of the chain.
 */
export class ProviderAuthError extends ProviderError {
  readonly retryable = false;
}

/** The provider's quota (per minute or per day) is used up: not worth retrying now, the next provider may serve. */
export class QuotaExceededError extends ProviderError {
  readonly retryable = false;
}

/** The provider's circuit breaker is open after repeated faults: it is skipped until a probe succeeds. */
export class CircuitOpenError extends ProviderError {
  readonly retryable = false;
}

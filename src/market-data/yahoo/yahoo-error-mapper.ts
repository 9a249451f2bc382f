import {
  InvalidResponseError,
  ProviderError,
  ProviderUnavailableError,
  RateLimitedError,
  SymbolNotFoundError,
} from '../provider-errors.js';

// yahoo-finance2 turns Yahoo's 404 body into a plain Error carrying Yahoo's description: the chart's for
// an unknown symbol, quoteSummary's for an unknown symbol and for one without the modules asked for.
const NOT_FOUND_MESSAGE = /no data found, symbol may be delisted|quote not found for (ticker )?symbol|no fundamentals data found/i;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
]);

/**
 * Parses a Retry-After header (delta-seconds or HTTP date) into milliseconds from `now`;
 * null when absent or unparsable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The typed error for an HTTP status that another attempt may cure (429, 408, 5xx); null for any
 * other status, which yahoo-finance2 then interprets from the body. `what` names the request, e.g.
 * `GET query2.finance.yahoo.com/v8/finance/chart/AAPL`.
 */
export function errorForStatus(
  status: number,
  retryAfter: string | null,
  what: string,
  options?: { cause?: unknown },
): ProviderError | null {
  if (status === 429) {
    return new RateLimitedError(`${what} failed: HTTP 429 (rate limited)`, parseRetryAfter(retryAfter), options);
  }
  if (status === 408 || status >= 500) {
    return new ProviderUnavailableError(`${what} failed: HTTP ${status}`, options);
  }
  return null;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  /** Node's system errors: the call that failed, e.g. `connect`. */
  syscall?: unknown;
  cause?: unknown;
  /** FailedYahooValidationError's schema errors. */
  errors?: unknown;
}

// Not `instanceof Error`: undici's errors come from Node's own realm, which differs from Jest's.
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null;
}

/** True for failures below HTTP: refused or reset connections, DNS, aborts and timeouts. */
export function isTransportError(error: unknown): boolean {
  if (!isErrorLike(error)) return false;
  const { name, message, code, cause } = error;
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'))) return true;
  // undici reports every network failure as `TypeError: fetch failed` with the reason in `cause`.
  if (name === 'TypeError' && message === 'fetch failed') return true;
  return cause !== undefined && cause !== error && isTransportError(cause);
}

/**
 * A short reason for logs and error messages, e.g. `connect ECONNREFUSED`. A system error gives its
 * call and code only: its message adds the address it resolved, which differs between attempts and
 * hosts, so the same outage would read as many different reasons.
 */
export function describeError(error: unknown): string {
  if (!isErrorLike(error)) return String(error);
  const { message, code, syscall, cause } = error;
  // undici reports every network failure as "fetch failed", with the reason in `cause`.
  if (message === 'fetch failed' && isErrorLike(cause)) return describeError(cause);
  if (typeof code !== 'string') return String(message);
  return typeof syscall === 'string' ? `${syscall} ${code}` : `${String(message)} (${code})`;
}

function validationSummary(errors: unknown): string {
  if (!Array.isArray(errors)) return 'no details';
  return (errors as Array<{ instancePath?: string; message?: string }>)
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
    .join('; ');
}

/**
 * Maps anything a yahoo-finance2 call can throw to the provider's typed errors; `symbol` names what was asked for.
 * Unrecognised library errors are about the answer's content, so they count as invalid responses.
 */
export function mapYahooError(error: unknown, symbol: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const cause = { cause: error };
  if (isTransportError(error)) {
    return new ProviderUnavailableError(`Yahoo request for ${symbol} failed: ${describeError(error)}`, cause);
  }
  if (!isErrorLike(error)) {
    return new InvalidResponseError(`Yahoo request for ${symbol} failed: ${String(error)}`, cause);
  }
  const message = String(error.message);
  // Matched by name: the package does not export its error classes.
  switch (error.name) {
    case 'HTTPError': {
      const status = Number(error.code);
      return (
        errorForStatus(status, null, `Yahoo request for ${symbol}`, cause) ??
        new InvalidResponseError(`Yahoo answered ${symbol} with HTTP ${status}: ${message}`, cause)
      );
    }
    case 'FailedYahooValidationError':
      return new InvalidResponseError(
        `Yahoo's answer for ${symbol} failed schema validation: ${validationSummary(error.errors)}`,
        cause,
      );
    case 'InvalidOptionsError':
    case 'BadRequestError':
      return new InvalidResponseError(`Yahoo rejected the request for ${symbol}: ${message}`, cause);
  }
  if (NOT_FOUND_MESSAGE.test(message)) {
    return new SymbolNotFoundError(`Yahoo has no data for ${symbol}: ${message}`, cause);
  }
  return new InvalidResponseError(`Yahoo's answer for ${symbol} was not usable: ${message}`, cause);
}

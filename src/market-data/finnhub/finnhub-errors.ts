import {
  DatasetUnsupportedError,
  InvalidResponseError,
  ProviderAuthError,
  type ProviderError,
  RateLimitedError,
} from '../provider-errors.js';
import { errorForStatus, parseRetryAfter } from '../yahoo/yahoo-error-mapper.js';

// Finnhub's failures are a status and a JSON `{"error": "…"}` (see test/fixtures/finnhub/README.md):
// 401 "Invalid API key." for a wrong key; 403 (401 on some endpoints) "You don't have access to this
// resource." for data outside the key's plan (premium endpoints, non-US markets); 429 "API limit
// reached. Please try again later. Remaining Limit: 0"; and, without any key, 429 "API limit reached.
// Please sign up for a free account to continue using the API."
const PLAN_REFUSAL = /don't have access to this resource/i;
const KEY_REFUSAL = /invalid api key|sign up for a free account/i;
const LIMIT_REACHED = /api limit reached/i;

/** The `error` text of a parsed Finnhub answer, e.g. `Invalid API key.`; null when it has none. */
export function errorTextOf(body: unknown): string | null {
  const error = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error : null;
}

/** The `error` text of a failure body, or the body itself (trimmed) when it is not such JSON. */
export function finnhubErrorText(body: string): string {
  try {
    const text = errorTextOf(JSON.parse(body));
    if (text !== null) return text;
  } catch {
    // Not JSON: Finnhub's keyless refusal is plain text.
  }
  return body.trim().slice(0, 200);
}

/**
 * The typed error for a failed Finnhub answer: a status other than 2xx, or a 2xx whose body is an
 * `error`. `what` names the request without its query, e.g. `GET finnhub.io/api/v1/quote`. A plan
 * refusal is DatasetUnsupportedError, not an auth failure: the key works for the free endpoints, so
 * taking Finnhub out of the chain for it would lose quotes, profiles, earnings and news because one
 * premium endpoint said no.
 */
export function finnhubError(status: number, errorText: string, retryAfter: string | null, what: string): ProviderError {
  const said = errorText === '' ? '' : `: ${errorText}`;
  if (PLAN_REFUSAL.test(errorText)) {
    return new DatasetUnsupportedError(`${what} is not in this Finnhub key's plan (HTTP ${status}${said})`);
  }
  if (status === 401 || status === 403 || KEY_REFUSAL.test(errorText)) {
    return new ProviderAuthError(`${what} refused the Finnhub API key (HTTP ${status}${said})`);
  }
  const transient = errorForStatus(status, retryAfter, what);
  if (transient) return transient;
  if (LIMIT_REACHED.test(errorText)) return new RateLimitedError(`${what} failed: HTTP ${status}${said}`, parseRetryAfter(retryAfter));
  return new InvalidResponseError(`${what} failed: HTTP ${status}${said}`);
}

import {
  DatasetUnsupportedError,
  InvalidResponseError,
  ProviderAuthError,
  ProviderError,
  ProviderUnavailableError,
  SymbolNotFoundError,
} from '../provider-errors.js';
import { fieldsOf, stringOrNull } from '../yahoo/yahoo-values.js';
import { describeError, errorForStatus } from '../yahoo/yahoo-error-mapper.js';

/** What the Massive client (axios underneath) throws: a response for HTTP errors, none below HTTP. */
interface ClientError {
  config?: { url?: string; method?: string };
  response?: { status: number; data?: unknown; headers?: unknown };
  cause?: unknown;
}

/** `GET api.massive.com/v2/aggs/ticker/AAPL/range/1/day/…`: never the query string, which may carry filters a log need not hold. */
export function requestName(error: ClientError): string {
  const method = (error.config?.method ?? 'get').toUpperCase();
  try {
    const url = new URL(error.config?.url ?? '');
    return `Polygon ${method} ${url.host}${url.pathname}`;
  } catch {
    return `Polygon ${method} request`;
  }
}

// axios lower-cases header names.
const retryAfterOf = (headers: unknown): string | null => stringOrNull(fieldsOf(headers)['retry-after']);

/**
 * Polygon's error text: `error` on 401/429 (`"Unknown API Key"`, `"You've exceeded the maximum requests per minute…"`),
 * `message` on NOT_AUTHORIZED and NOT_FOUND answers. The key is cut out should a body ever echo it.
 */
function vendorText(body: unknown, apiKey: string): string {
  const fields = fieldsOf(body);
  const text = stringOrNull(fields.error) ?? stringOrNull(fields.message) ?? stringOrNull(fields.status) ?? 'no error text';
  return apiKey === '' ? text : text.split(apiKey).join('***');
}

/**
 * Maps anything a Massive client call throws to the typed errors of `provider-errors.ts`. A plan that lacks the
 * data (`status: "NOT_AUTHORIZED"`) is DatasetUnsupportedError: the key is good and serves other datasets, so
 * only this dataset moves to the next provider; a refused key (401, or a 403 without NOT_AUTHORIZED) is
 * ProviderAuthError. The client's error is never kept as the cause: its config holds the Authorization header.
 */
export function mapPolygonError(error: unknown, apiKey: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const failure = fieldsOf(error) as ClientError;
  // Thrown by our own fetch (a used-up quota): the client wraps it.
  if (failure.cause instanceof ProviderError) return failure.cause;
  const what = requestName(failure);
  const response = failure.response;
  if (!response) {
    const reason = describeError(failure.cause ?? error);
    return new ProviderUnavailableError(`${what} failed: ${reason}`, { cause: failure.cause });
  }
  const { status, data } = response;
  const text = vendorText(data, apiKey);
  const transient = errorForStatus(status, retryAfterOf(response.headers), what);
  if (transient) return transient;
  if (fieldsOf(data).status === 'NOT_AUTHORIZED') {
    return new DatasetUnsupportedError(`${what} refused by the plan: HTTP ${status}: ${text}`);
  }
  if (status === 401 || status === 403) return new ProviderAuthError(`${what} refused the API key: HTTP ${status}: ${text}`);
  if (status === 404) return new SymbolNotFoundError(`${what}: HTTP 404: ${text}`);
  return new InvalidResponseError(`${what} failed: HTTP ${status}: ${text}`);
}

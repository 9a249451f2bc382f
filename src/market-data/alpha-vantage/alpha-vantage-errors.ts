import {
  InvalidResponseError,
  ProviderAuthError,
  type ProviderError,
  QuotaExceededError,
  RateLimitedError,
  SymbolNotFoundError,
} from '../provider-errors.js';
import { errorForStatus } from '../yahoo/yahoo-error-mapper.js';

// Alpha Vantage answers every refusal with HTTP 200 and a one-field body: "Error Message" for a bad
// call (an unknown symbol reads the same: "Invalid API call"), "Information" or, in older answers,
// "Note" for limits, plan features and a bad key. The texts below are the documented ones; see
// test/fixtures/alpha-vantage/README.md.
const BAD_KEY = /apikey is invalid or missing|invalid api key/i;
// Checked before the daily quota: the burst and per-minute texts mention the daily limit as well.
const PER_SECOND = /per second|spreading out/i;
const PER_MINUTE = /per minute|call frequency/i;
const PER_DAY = /per day|daily rate limit/i;
const PREMIUM = /premium (endpoint|feature)/i;
// An unknown symbol: "Invalid API call" of the time series, "Invalid inputs" of NEWS_SENTIMENT.
const UNKNOWN_SYMBOL = /invalid api call|invalid inputs/i;
const MESSAGE_FIELDS = ['Error Message', 'Information', 'Note'] as const;

/** `text` with every occurrence of the key masked: Alpha Vantage quotes the key back in its daily-limit text. */
export function redactKey(text: string, apiKey: string): string {
  return apiKey === '' ? text : text.split(apiKey).join('***');
}

/** Names a request in errors and logs: function, symbol, method, host and path, never the query (the key travels there). */
export interface RequestName {
  /** E.g. `Alpha Vantage GLOBAL_QUOTE for IBM (GET www.alphavantage.co/query)`. */
  what: string;
  symbol: string;
  apiKey: string;
}

/** The typed error of a refusal body; null for an answer that carries data. */
export function failureOfBody(body: Record<string, unknown>, { what, symbol, apiKey }: RequestName): ProviderError | null {
  const field = MESSAGE_FIELDS.find((name) => typeof body[name] === 'string');
  // A data answer never has these fields; one that had a field besides them would still be data.
  if (field === undefined || Object.keys(body).some((key) => !(MESSAGE_FIELDS as readonly string[]).includes(key))) return null;
  const text = String(body[field]);
  const quoted = `${what}: "${redactKey(text, apiKey).slice(0, 200)}"`;
  if (BAD_KEY.test(text)) return new ProviderAuthError(`${quoted} (API key refused)`);
  if (PER_SECOND.test(text)) return new RateLimitedError(`${quoted} (rate limited)`, 1_000);
  if (PER_MINUTE.test(text)) return new RateLimitedError(`${quoted} (rate limited)`, 60_000);
  if (PER_DAY.test(text)) return new QuotaExceededError(`${quoted} (daily quota used up)`);
  if (PREMIUM.test(text)) return new QuotaExceededError(`${quoted} (not in the plan)`);
  if (UNKNOWN_SYMBOL.test(text)) return new SymbolNotFoundError(`Alpha Vantage has no ${symbol}: ${quoted}`);
  return new InvalidResponseError(`${quoted} (not understood)`);
}

/** The typed error of a non-2xx status: 429, 408 and 5xx as for Yahoo, 401/403 a refused key; null for 2xx. */
export function failureOfStatus(status: number, retryAfter: string | null, what: string): ProviderError | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401 || status === 403) return new ProviderAuthError(`${what} failed: HTTP ${status} (API key refused)`);
  return errorForStatus(status, retryAfter, what) ?? new InvalidResponseError(`${what} failed: HTTP ${status}`);
}

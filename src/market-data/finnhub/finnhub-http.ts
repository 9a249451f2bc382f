import { parseVendorJson, vendorGet } from '../vendor-http.js';
import { errorTextOf, finnhubError, finnhubErrorText } from './finnhub-errors.js';

export const FINNHUB_ORIGIN = 'https://finnhub.io';

export interface FinnhubHttpOptions {
  apiKey: string;
  /** Origin that receives the requests (FINNHUB_BASE_URL); any path in it is ignored. */
  baseUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/**
 * GETs of Finnhub's REST API (`/api/v1/...`), the key in the documented `X-Finnhub-Token` header so
 * that it is in no URL, and every failure one of the errors of `provider-errors.ts`, named by method,
 * host and path only: the query can hold symbols and dates, never the key, but stays out all the same.
 */
export class FinnhubHttp {
  private readonly origin: string;

  constructor(private readonly options: FinnhubHttpOptions) {
    this.origin = new URL(options.baseUrl).origin;
  }

  /** The parsed JSON answer of `path` (e.g. `/quote`) with `query`. */
  async get(path: string, query: Record<string, string>): Promise<unknown> {
    const url = new URL(`${this.origin}/api/v1${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    const what = `GET ${url.host}${url.pathname}`;
    const headers = { 'X-Finnhub-Token': this.options.apiKey, accept: 'application/json' };
    const { response, text } = await vendorGet(this.options.fetch, url, { what, timeoutMs: this.options.timeoutMs, headers });
    const retryAfter = response.headers.get('retry-after');
    if (!response.ok) throw finnhubError(response.status, finnhubErrorText(text), retryAfter, what);
    const body = parseVendorJson(text, what, response.status);
    const error = errorTextOf(body);
    if (error !== null) throw finnhubError(response.status, error, retryAfter, what);
    return body;
  }
}

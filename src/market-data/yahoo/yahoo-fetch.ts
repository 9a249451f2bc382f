import { ProviderUnavailableError } from '../provider-errors.js';
import { describeError, errorForStatus } from './yahoo-error-mapper.js';

export interface YahooFetchOptions {
  /** Origin that replaces Yahoo's in every request; null keeps Yahoo's hosts. */
  baseUrl: string | null;
  fetch: typeof fetch;
  timeoutMs: number;
}

/**
 * Sends `url` to `baseUrl`'s origin (scheme, host, port), keeping its path and query.
 * Any path in `baseUrl` is ignored.
 */
export function rewriteOrigin(url: string, baseUrl: string): string {
  const { pathname, search } = new URL(url);
  // Concatenated, not resolved: a path starting with `//` must not become a host.
  return new URL(new URL(baseUrl).origin + pathname + search).href;
}

type FetchInput = Parameters<typeof fetch>[0];

function urlOf(input: FetchInput): string {
  if (typeof input === 'string') return input;
  return 'href' in input ? input.href : input.url;
}

function retarget(input: FetchInput, baseUrl: string): FetchInput {
  const url = rewriteOrigin(urlOf(input), baseUrl);
  return typeof input === 'string' || 'href' in input ? url : new Request(url, input);
}

/** Method, host and path, e.g. `GET query2.finance.yahoo.com/v8/finance/chart/AAPL`: never the query, where crumbs travel. */
function describeRequest(input: FetchInput, init: RequestInit | undefined): string {
  const { host, pathname } = new URL(urlOf(input));
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  return `${method.toUpperCase()} ${host}${pathname}`;
}

/**
 * The response with `headers.getSetCookie()` answering an array of this realm. yahoo-finance2 keeps
 * the cookie step's Set-Cookie only if `instanceof Array` holds, which fails for undici's array under
 * Jest (another realm): the crumb step would then stop at "No set-cookie header present". Elsewhere
 * the copy changes nothing.
 */
function withLocalSetCookie(response: Response): Response {
  const { headers } = response;
  const getSetCookie = headers.getSetCookie.bind(headers);
  Object.defineProperty(headers, 'getSetCookie', { value: () => [...getSetCookie()] });
  return response;
}

/**
 * The fetch handed to yahoo-finance2. It redirects to `baseUrl`, bounds each request by `timeoutMs`
 * (on top of any signal the caller passes) and turns transport failures, 429 and 5xx into the
 * provider's typed errors: only here is the raw response, and so Retry-After, still visible.
 */
export function createYahooFetch({ baseUrl, fetch: send, timeoutMs }: YahooFetchOptions): typeof fetch {
  return async (input, init) => {
    const target = baseUrl === null ? input : retarget(input, baseUrl);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const what = describeRequest(target, init);
    let response: Response;
    try {
      response = await send(target, { ...init, signal });
    } catch (error) {
      const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : describeError(error);
      throw new ProviderUnavailableError(`${what} failed: ${reason}`, { cause: error });
    }
    const failure = errorForStatus(response.status, response.headers.get('retry-after'), what);
    if (failure) {
      await response.body?.cancel();
      throw failure;
    }
    return withLocalSetCookie(response);
  };
}

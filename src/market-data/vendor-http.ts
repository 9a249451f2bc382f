import { InvalidResponseError, ProviderError, ProviderUnavailableError } from './provider-errors.js';
import { describeError } from './yahoo/yahoo-error-mapper.js';

export interface VendorGet {
  /** Names the request in errors, e.g. `GET finnhub.io/api/v1/quote`: never its query. */
  what: string;
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Strips what must not reach an error message (a key that travels in the query) from a transport failure's reason. */
  redact?: (reason: string) => string;
}

/**
 * One GET of a keyed vendor's API, answered as status, headers and text. A failure below HTTP
 * (refused connection, DNS, timeout) is ProviderUnavailableError naming `what`, without the cause,
 * which may quote the URL; a ProviderError thrown by `send` itself (a used-up quota) passes through.
 */
export async function vendorGet(send: typeof fetch, url: URL, { what, timeoutMs, headers, redact = (reason) => reason }: VendorGet): Promise<{ response: Response; text: string }> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await send(url, { headers, signal: timeout });
    return { response, text: await response.text() };
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const reason = timeout.aborted ? `no answer within ${timeoutMs} ms` : redact(describeError(error));
    throw new ProviderUnavailableError(`${what} failed: ${reason}`);
  }
}

/** `text` as JSON; InvalidResponseError naming `what` when it is not. */
export function parseVendorJson(text: string, what: string, status?: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidResponseError(`${what} answered${status === undefined ? '' : ` ${status} with`} a body that is not JSON`);
  }
}

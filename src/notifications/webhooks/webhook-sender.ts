import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface SendResult {
  /** The receiver's status, or null when there was no answer (refused, timed out, blocked). */
  status: number | null;
  /** The receiver's Retry-After, in ms, when it sent one. */
  retryAfterMs: number | null;
  latencyMs: number;
  error: string | null;
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * POSTs `body` once: no redirect is followed (a 3xx is a failure like any non-2xx), the host is
 * resolved through `lookup` (the SSRF guard), and the whole exchange is cut at `timeoutMs`.
 */
export function postWebhook(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, lookup: LookupFunction): Promise<SendResult> {
  const started = performance.now();
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const done = (result: Omit<SendResult, 'latencyMs'>) => resolve({ ...result, latencyMs: Math.round(performance.now() - started) });
    const outgoing = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'stock-data-scheduler-webhooks', ...headers },
      lookup,
      signal: AbortSignal.timeout(timeoutMs),
    }, (response) => {
      response.resume(); // the answer's body is not kept
      response.on('end', () => done({ status: response.statusCode ?? null, retryAfterMs: retryAfterMs(response.headers['retry-after']), error: null }));
      response.on('error', (error) => done({ status: response.statusCode ?? null, retryAfterMs: null, error: error.message }));
    });
    outgoing.on('error', (error) => done({ status: null, retryAfterMs: null, error: error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error.message }));
    outgoing.end(body);
  });
}

import { InvalidResponseError } from '../provider-errors.js';
import { parseVendorJson, vendorGet } from '../vendor-http.js';
import { failureOfBody, failureOfStatus, redactKey, type RequestName } from './alpha-vantage-errors.js';

export interface AlphaVantageTransport {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** One `GET /query` call: `function` and its parameters, as Alpha Vantage documents them. */
export interface AlphaVantageCall {
  function: string;
  /** The job's (Yahoo-style) symbol the call is for, to name it in errors. */
  symbol: string;
  params: Record<string, string>;
}

/**
 * Sends the call and answers its body as text once transport and status are fine. The key has no
 * header form at Alpha Vantage, so it goes in the query; the request is named without it.
 */
async function send(transport: AlphaVantageTransport, call: AlphaVantageCall): Promise<{ text: string; name: RequestName }> {
  const url = new URL('/query', new URL(transport.baseUrl).origin);
  const name = { what: `Alpha Vantage ${call.function} for ${call.symbol} (GET ${url.host}${url.pathname})`, symbol: call.symbol, apiKey: transport.apiKey };
  url.search = new URLSearchParams({ function: call.function, ...call.params, apikey: transport.apiKey }).toString();
  const { response, text } = await vendorGet(transport.fetch, url, { what: name.what, timeoutMs: transport.timeoutMs, redact: (reason) => redactKey(reason, transport.apiKey) });
  const failure = failureOfStatus(response.status, response.headers.get('retry-after'), name.what);
  if (failure) throw failure;
  return { text, name };
}

const parseJson = (text: string, { what }: RequestName) => parseVendorJson(text, what);

function objectOrThrow(body: unknown, { what }: RequestName): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new InvalidResponseError(`${what} answered JSON that is not an object`);
  return body as Record<string, unknown>;
}

/** The call's JSON answer; Alpha Vantage's HTTP 200 refusals are thrown as their typed errors. */
export async function requestJson(transport: AlphaVantageTransport, call: AlphaVantageCall): Promise<Record<string, unknown>> {
  const { text, name } = await send(transport, call);
  const body = objectOrThrow(parseJson(text, name), name);
  const failure = failureOfBody(body, name);
  if (failure) throw failure;
  return body;
}

/** The call's CSV answer (EARNINGS_CALENDAR); its refusals come as JSON, like the other calls'. */
export async function requestCsv(transport: AlphaVantageTransport, call: AlphaVantageCall): Promise<string> {
  const { text, name } = await send(transport, call);
  if (!text.trimStart().startsWith('{')) return text;
  const failure = failureOfBody(objectOrThrow(parseJson(text, name), name), name);
  throw failure ?? new InvalidResponseError(`${name.what} answered JSON where CSV was expected`);
}

import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHART_RECORDINGS, NOT_FOUND_RECORDING, loadAllRecordings, type Recording } from './fake-yahoo-fixtures.js';

/**
 * How the fake answers one symbol. With `status` or `body` set, that answer replaces the recording;
 * otherwise the recording (or `fixture`) is served, with `headers` added and `delayMs` waited first.
 */
export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /**
   * A string is sent as-is (use it for garbage), anything else as JSON. A function is called with
   * each request and its result sent the same way (e.g. `syntheticChart` for period-aware answers).
   */
  body?: unknown;
  /** A file name from `test/fixtures/yahoo/` to serve instead of the catalogued one. */
  fixture?: string;
  delayMs?: number;
  /** Applies to this many requests, then the symbol falls back to its recording. Default: until `reset()`. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  pathname: string;
  query: Record<string, string>;
  /** The chart symbol of the path, or null for any other path. */
  symbol: string | null;
  /** `Date.now()` when the request arrived. */
  time: number;
}

export interface FakeYahoo {
  /** Origin to use as the provider's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Every request received since start or the last `reset()`, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Changes the answer for `symbol`; the symbol `*` applies to every chart symbol without its own override. */
  override(symbol: string, response: FakeResponse): void;
  /** Drops all overrides and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeYahooOptions {
  /** Added before every answer. */
  latencyMs?: number;
}

const CHART_PATH = /^\/v8\/finance\/chart\/([^/]+)$/;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Starts a local stand-in for Yahoo's chart endpoint on 127.0.0.1 (random port), replaying the
 * recordings in `test/fixtures/yahoo/`. No Jest globals: benchmarks can use it too.
 */
export async function startFakeYahoo(options: FakeYahooOptions = {}): Promise<FakeYahoo> {
  const recordings = await loadAllRecordings();
  const overrides = new Map<string, FakeResponse>();
  const requests: RecordedRequest[] = [];

  const takeOverride = (symbol: string): FakeResponse | undefined => {
    const key = overrides.has(symbol) ? symbol : '*';
    const override = overrides.get(key);
    if (override?.times !== undefined && --override.times <= 0) overrides.delete(key);
    return override;
  };

  const answerFor = (request: RecordedRequest & { symbol: string }, override: FakeResponse | undefined): Answer => {
    const { symbol } = request;
    if (override && (override.status !== undefined || override.body !== undefined)) {
      const status = override.status ?? 200;
      const body: unknown = typeof override.body === 'function' ? (override.body as (r: RecordedRequest) => unknown)(request) : override.body;
      const text = body === undefined ? (STATUS_CODES[status] ?? '') : typeof body === 'string' ? body : JSON.stringify(body);
      const contentType = typeof body === 'object' ? 'application/json;charset=utf-8' : 'text/plain';
      return { status, headers: { 'content-type': contentType, ...override.headers }, body: text };
    }
    const interval = request.query.interval ?? null;
    const file =
      override?.fixture ?? CHART_RECORDINGS[`${symbol}@${interval}`] ?? CHART_RECORDINGS[symbol] ?? NOT_FOUND_RECORDING;
    const recording = recordings.get(file) as Recording;
    return {
      status: recording.status,
      headers: { 'content-type': recording.contentType, ...override?.headers },
      body: recording.body,
    };
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake-yahoo');
    const match = CHART_PATH.exec(url.pathname);
    const symbol = match ? decodeURIComponent(match[1]) : null;
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      symbol,
      time: Date.now(),
    };
    requests.push(request);
    const override = symbol === null ? undefined : takeOverride(symbol);
    const answer: Answer =
      symbol === null
        ? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' }
        : answerFor({ ...request, symbol }, override);
    const delay = (options.latencyMs ?? 0) + (override?.delayMs ?? 0);
    const send = (): void => {
      res.writeHead(answer.status, answer.headers).end(answer.body);
    };
    if (delay <= 0) return send();
    // A client that gave up (timeout) must not leave a timer behind to write into a dead socket.
    const timer = setTimeout(send, delay);
    res.once('close', () => clearTimeout(timer));
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    override: (symbol, response) => {
      if (response.fixture !== undefined && !recordings.has(response.fixture)) {
        throw new Error(`fake-yahoo: no fixture named ${response.fixture}`);
      }
      overrides.set(symbol, { ...response });
    },
    reset: () => {
      overrides.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

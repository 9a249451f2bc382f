import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { RecordedAnswers, routeOf, type Answer, type RequestKind } from './fake-yahoo-answers.js';
import { loadAllRecordings } from './fake-yahoo-fixtures.js';
import { listenOnLoopback, Overrides } from './fake-vendor.js';

export type { RequestKind } from './fake-yahoo-answers.js';

/**
 * Computes an answer body per request. `recorded()` is a fresh copy of the body the fake would
 * otherwise send (parsed JSON, or the text), to change and return.
 */
export type BodyFunction = (request: RecordedRequest, recorded: () => unknown) => unknown;

/**
 * How the fake answers one symbol. With `status` or `body` set, that answer replaces the recording;
 * otherwise the recording (or `fixture`) is served, with `headers` added and `delayMs` waited first.
 */
export interface FakeResponse {
  /** A function is asked at each request (a benchmark failing some of them). */
  status?: number | ((request: RecordedRequest) => number);
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
  kind: RequestKind;
  /** The chart symbol of the path, or null for any other request (see `symbols`). */
  symbol: string | null;
  /** Every symbol the request names: the path's, each of a quote batch, the search's `q`; none for the crumb. */
  symbols: string[];
  /** `Date.now()` when the request arrived. */
  time: number;
}

export interface FakeYahoo {
  /** Origin to use as the provider's base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Every request received since start or the last `reset()`, in arrival order. */
  readonly requests: RecordedRequest[];
  /**
   * Changes the answer to `kind` requests (default: charts) naming `symbol`; `*` applies to every
   * symbol of that kind without its own override (the crumb, which names none, only has `*`). A quote
   * batch gets the override of its first symbol that has one: one request, one answer.
   */
  override(symbol: string, response: FakeResponse, kind?: RequestKind): void;
  /** Drops all overrides and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeYahooOptions {
  /** Added before every answer. */
  latencyMs?: number;
}

function customAnswer(override: FakeResponse, request: RecordedRequest, recorded: () => unknown): Answer {
  const status = typeof override.status === 'function' ? override.status(request) : (override.status ?? 200);
  const body: unknown = typeof override.body === 'function' ? (override.body as BodyFunction)(request, recorded) : override.body;
  const text = body === undefined ? (STATUS_CODES[status] ?? '') : typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = typeof body === 'object' ? 'application/json;charset=utf-8' : 'text/plain';
  return { status, headers: { 'content-type': contentType, ...override.headers }, body: text };
}

const parsed = ({ headers, body }: Answer) => (headers['content-type'].includes('json') ? JSON.parse(body) : body) as unknown;

/**
 * Starts a local stand-in for Yahoo on 127.0.0.1 (random port), replaying the recordings in
 * `test/fixtures/yahoo/`: charts, the cookie and crumb steps, quotes, options, quoteSummary and
 * search (see RecordedAnswers). No Jest globals: benchmarks can use it too.
 */
export async function startFakeYahoo(options: FakeYahooOptions = {}): Promise<FakeYahoo> {
  const recordings = await loadAllRecordings();
  const answers = new RecordedAnswers(recordings);
  const overrides = new Overrides<FakeResponse>();
  const requests: RecordedRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://fake-yahoo');
    const query = Object.fromEntries(url.searchParams);
    const route = routeOf(url.pathname, query);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      pathname: url.pathname,
      query,
      kind: route.kind,
      symbol: route.kind === 'chart' ? route.symbols[0] : null,
      symbols: route.symbols,
      time: Date.now(),
    };
    requests.push(request);
    const override = route.kind === 'other' ? undefined : overrides.take(route.kind, route.symbols);
    const recorded = () => answers.answer(route, query, override?.fixture);
    let answer: Answer;
    if (override && (override.status !== undefined || override.body !== undefined)) {
      answer = customAnswer(override, request, () => parsed(recorded()));
    } else {
      const { status, headers, body } = recorded();
      answer = { status, headers: { ...headers, ...override?.headers }, body };
    }
    const delay = (options.latencyMs ?? 0) + (override?.delayMs ?? 0);
    const send = (): void => {
      res.writeHead(answer.status, answer.headers).end(answer.body);
    };
    if (delay <= 0) return send();
    // A client that gave up (timeout) must not leave a timer behind to write into a dead socket.
    const timer = setTimeout(send, delay);
    res.once('close', () => clearTimeout(timer));
  };

  const server = await listenOnLoopback(handle);
  return {
    ...server,
    requests,
    override: (symbol, response, kind = 'chart') => {
      if (response.fixture !== undefined && !recordings.has(response.fixture)) {
        throw new Error(`fake-yahoo: no fixture named ${response.fixture}`);
      }
      overrides.set(kind, symbol, response);
    },
    reset: () => {
      overrides.clear();
      requests.length = 0;
    },
  };
}

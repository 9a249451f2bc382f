import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for a keyed market-data API (Alpha Vantage, Finnhub, Polygon), on 127.0.0.1 with a
// random port. Each vendor's module (fake-<vendor>.ts) gives the routes: which request is which kind,
// which symbols it names, and the documented answer. No Jest globals: benchmarks can use it too.

export interface VendorRequest {
  method: string;
  pathname: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** The route's kind, e.g. `quote`, or `other` for a request no route knows (answered 404). */
  kind: string;
  symbols: string[];
  /** `Date.now()` when the request arrived. */
  time: number;
}

/** A vendor's answer: a string body is sent as it is (garbage, CSV), anything else as JSON. */
export interface VendorAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface VendorRoute {
  kind: string;
  /** The symbols of a request it serves, or null when the request is not its. */
  match(url: URL): string[] | null;
  answer(request: VendorRequest): VendorAnswer;
}

/** An override: the answer to send instead (a function is called per request), for `times` requests (default: until reset). */
export interface VendorOverride extends VendorAnswer {
  body?: unknown | ((request: VendorRequest) => unknown);
  times?: number;
}

export interface FakeVendor {
  readonly url: string;
  /** Every request received since start or the last `reset()`, in arrival order. */
  readonly requests: VendorRequest[];
  /** Changes the answer to `kind` requests naming `symbol` (`*`: any symbol without its own override). */
  override(kind: string, symbol: string, answer: VendorOverride): void;
  reset(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, { status = 200, headers = {}, body }: VendorAnswer): void {
  const text = body === undefined ? (STATUS_CODES[status] ?? '') : typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'object' ? 'application/json; charset=utf-8' : 'text/plain';
  res.writeHead(status, { 'content-type': type, ...headers }).end(text);
}

/** Overrides by request kind and symbol; a request takes the one of its first symbol that has one, else `*`'s. */
export class Overrides<T extends { times?: number }> {
  private readonly byKey = new Map<string, T>();

  set(kind: string, symbol: string, override: T): void {
    this.byKey.set(`${kind} ${symbol}`, { ...override });
  }

  take(kind: string, symbols: string[]): T | undefined {
    const key = [...symbols, '*'].map((symbol) => `${kind} ${symbol}`).find((k) => this.byKey.has(k));
    const override = key === undefined ? undefined : this.byKey.get(key);
    if (key !== undefined && override?.times !== undefined && --override.times <= 0) this.byKey.delete(key);
    return override;
  }

  clear(): void {
    this.byKey.clear();
  }
}

/** Serves `handle` on 127.0.0.1 at a free port. */
export async function listenOnLoopback(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export async function startFakeVendor(name: string, routes: VendorRoute[]): Promise<FakeVendor> {
  const overrides = new Overrides<VendorOverride>();
  const requests: VendorRequest[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', `http://fake-${name}`);
    const found = routes.map((route) => ({ route, symbols: route.match(url) })).find(({ symbols }) => symbols !== null);
    const request: VendorRequest = {
      method: req.method ?? 'GET',
      pathname: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      kind: found?.route.kind ?? 'other',
      symbols: found?.symbols ?? [],
      time: Date.now(),
    };
    requests.push(request);
    if (!found) return send(res, { status: 404, body: { error: `fake-${name}: no route for ${url.pathname}` } });
    const override = overrides.take(request.kind, request.symbols);
    if (!override) return send(res, found.route.answer(request));
    const body = typeof override.body === 'function' ? (override.body as (r: VendorRequest) => unknown)(request) : override.body;
    send(res, { ...override, body });
  };

  const server = await listenOnLoopback(handle);
  return {
    ...server,
    requests,
    override: (kind, symbol, answer) => overrides.set(kind, symbol, answer),
    reset: () => {
      overrides.clear();
      requests.length = 0;
    },
  };
}

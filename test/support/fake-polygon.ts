import { readFileSync } from 'node:fs';
import { startFakeVendor, type FakeVendor, type VendorAnswer, type VendorRequest, type VendorRoute } from './fake-vendor.js';

// A local Polygon (Massive) REST API serving the documented example answers of test/fixtures/polygon (see its
// README for the pages they come from). AAPL has every dataset; the full-market snapshot's documented example
// is BCAT's. Other tickers get Polygon's answers for a ticker it has nothing for. No Jest globals.

const FIXTURE_DIR = new URL('../fixtures/polygon/', import.meta.url);

/** A documented answer from test/fixtures/polygon, parsed anew on every call so that a test may change its copy. */
export function polygonFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURE_DIR), 'utf8')) as Record<string, unknown>;
}

/** The key the fake accepts, as `Authorization: Bearer` or `apiKey=`. */
export const FAKE_POLYGON_KEY = 'fake-polygon-key-5f2a9c';

const ok = (body: unknown): VendorAnswer => ({ body });
const noResults = (): VendorAnswer => ok({ results: [], status: 'OK', request_id: 'fake-polygon-empty' });

/** One path pattern whose first capture group is the ticker, answered from a fixture for the tickers that have one. */
function tickerRoute(kind: string, pattern: RegExp, answer: (ticker: string, request: VendorRequest) => VendorAnswer): VendorRoute {
  return {
    kind,
    match: (url) => {
      const found = pattern.exec(url.pathname);
      return found ? [decodeURIComponent(found[1])] : null;
    },
    answer: (request) => answer(request.symbols[0], request),
  };
}

/** A reference endpoint filtered by `?ticker=`. */
function queryRoute(kind: string, pathname: string, answer: (ticker: string, request: VendorRequest) => VendorAnswer): VendorRoute {
  return {
    kind,
    match: (url) => (url.pathname === pathname ? [url.searchParams.get('ticker') ?? ''] : null),
    answer: (request) => answer(request.symbols[0], request),
  };
}

function snapshotAnswer(request: VendorRequest): VendorAnswer {
  const snapshot = polygonFixture('snapshot-tickers');
  const tickers = (snapshot.tickers as Array<{ ticker: string }>).filter((t) => request.symbols.includes(t.ticker));
  return ok({ ...snapshot, count: tickers.length, tickers });
}

function newsAnswer(ticker: string, request: VendorRequest): VendorAnswer {
  if (ticker !== 'AAPL') return noResults();
  const news = polygonFixture('news');
  const results = (news.results as unknown[]).slice(0, Number(request.query.limit ?? 10));
  return ok({ ...news, count: results.length, results });
}

const ROUTES: VendorRoute[] = [
  tickerRoute('chart', /^\/v2\/aggs\/ticker\/([^/]+)\/range\/\d+\/\w+\/[^/]+\/[^/]+$/, (ticker) =>
    ok(ticker === 'AAPL' ? polygonFixture('aggregates-AAPL-1-day') : { ...polygonFixture('aggregates-empty'), ticker }),
  ),
  queryRoute('dividends', '/v3/reference/dividends', (ticker) => (ticker === 'AAPL' ? ok(polygonFixture('dividends-AAPL')) : noResults())),
  queryRoute('splits', '/v3/reference/splits', (ticker) => (ticker === 'AAPL' ? ok(polygonFixture('splits-AAPL')) : noResults())),
  {
    kind: 'quote',
    match: (url) => (url.pathname === '/v2/snapshot/locale/us/markets/stocks/tickers' ? (url.searchParams.get('tickers') ?? '').split(',') : null),
    answer: snapshotAnswer,
  },
  tickerRoute('profile', /^\/v3\/reference\/tickers\/([^/]+)$/, (ticker) =>
    ticker === 'AAPL' ? ok(polygonFixture('ticker-details-AAPL')) : { status: 404, body: polygonFixture('error-ticker-not-found') },
  ),
  queryRoute('news', '/v2/reference/news', newsAnswer),
  tickerRoute('options', /^\/v3\/snapshot\/options\/([^/]+)$/, (ticker) => (ticker === 'AAPL' ? ok(polygonFixture('options-chain-AAPL')) : noResults())),
];

/** Polygon's answer to a request without a key or with another key than {@link FAKE_POLYGON_KEY}; null when the key is right. */
function authFailure(request: VendorRequest): VendorAnswer | null {
  const header = request.headers.authorization;
  const key = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : request.query.apiKey;
  if (key === FAKE_POLYGON_KEY) return null;
  return { status: 401, body: polygonFixture(key === undefined ? 'error-api-key-not-provided' : 'error-unknown-api-key') };
}

export type FakePolygon = FakeVendor;

/** Starts the fake on 127.0.0.1; kinds `chart`, `dividends`, `splits`, `quote`, `profile`, `news`, `options`. */
export function startFakePolygon(): Promise<FakePolygon> {
  const checked = ROUTES.map((route): VendorRoute => ({ ...route, answer: (request) => authFailure(request) ?? route.answer(request) }));
  return startFakeVendor('polygon', checked);
}

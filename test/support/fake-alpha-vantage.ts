import { readFileSync } from 'node:fs';
import { startFakeVendor, type FakeVendor, type VendorAnswer, type VendorRequest, type VendorRoute } from './fake-vendor.js';

// A local Alpha Vantage: `GET /query?function=…&apikey=…` served from the documented answers in
// test/fixtures/alpha-vantage/ (see its README for where each comes from). Like the real service it
// answers everything with HTTP 200: a wrong or missing key gets the documented "apikey is invalid"
// body, a symbol it does not know the documented answer for an unknown symbol.

const FIXTURE_DIR = new URL('../fixtures/alpha-vantage/', import.meta.url);

/** The key the fake accepts unless told another. */
export const FAKE_ALPHA_VANTAGE_KEY = 'fake-av-key-5d1c';

/** A fixture's text (CSV) or parsed JSON. */
export function alphaVantageFixture(name: string): unknown {
  const text = readFileSync(new URL(name, FIXTURE_DIR), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : text;
}

interface FunctionRoute {
  kind: string;
  function: string;
  /** The query parameter naming the symbol. */
  symbolParam: 'symbol' | 'tickers';
  /** Fixture per symbol the fake knows (upper case, as Alpha Vantage writes it). */
  known: Record<string, string>;
  /** What a symbol it does not know gets. */
  unknown: string;
}

const FUNCTIONS: FunctionRoute[] = [
  { kind: 'daily', function: 'TIME_SERIES_DAILY', symbolParam: 'symbol', known: { IBM: 'time-series-daily-IBM.json' }, unknown: 'error-invalid-api-call.json' },
  { kind: 'intraday', function: 'TIME_SERIES_INTRADAY', symbolParam: 'symbol', known: { IBM: 'time-series-intraday-5min-IBM.json' }, unknown: 'error-invalid-api-call.json' },
  { kind: 'quote', function: 'GLOBAL_QUOTE', symbolParam: 'symbol', known: { MSFT: 'global-quote-MSFT.json' }, unknown: 'global-quote-unknown.json' },
  { kind: 'overview', function: 'OVERVIEW', symbolParam: 'symbol', known: { IBM: 'overview-IBM.json' }, unknown: 'empty.json' },
  { kind: 'earnings', function: 'EARNINGS', symbolParam: 'symbol', known: { IBM: 'earnings-IBM.json' }, unknown: 'empty.json' },
  { kind: 'earnings_calendar', function: 'EARNINGS_CALENDAR', symbolParam: 'symbol', known: { IBM: 'earnings-calendar-IBM.csv' }, unknown: 'earnings-calendar-empty.csv' },
  { kind: 'news', function: 'NEWS_SENTIMENT', symbolParam: 'tickers', known: { AAPL: 'news-sentiment-AAPL.json' }, unknown: 'information-invalid-inputs.json' },
];

function answerOf(route: FunctionRoute, apiKey: string) {
  return (request: VendorRequest): VendorAnswer => {
    if (request.query.apikey !== apiKey) return { body: alphaVantageFixture('error-invalid-apikey.json') };
    const fixture = route.known[request.symbols[0] ?? ''] ?? route.unknown;
    const body = alphaVantageFixture(fixture);
    return { body, ...(typeof body === 'string' && { headers: { 'content-type': 'application/x-download' } }) };
  };
}

function routeOf(route: FunctionRoute, apiKey: string): VendorRoute {
  return {
    kind: route.kind,
    match: (url) => {
      if (url.pathname !== '/query' || url.searchParams.get('function') !== route.function) return null;
      const symbols = url.searchParams.get(route.symbolParam);
      return symbols ? symbols.split(',') : [];
    },
    answer: answerOf(route, apiKey),
  };
}

/**
 * Starts the fake on loopback. Request kinds: `daily`, `intraday`, `quote`, `overview`, `earnings`,
 * `earnings_calendar`, `news`; their symbols are the query's `symbol` (or `tickers`), as sent.
 */
export function startFakeAlphaVantage({ apiKey = FAKE_ALPHA_VANTAGE_KEY }: { apiKey?: string } = {}): Promise<FakeVendor> {
  return startFakeVendor('alpha-vantage', FUNCTIONS.map((route) => routeOf(route, apiKey)));
}

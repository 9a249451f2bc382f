import { readFileSync } from 'node:fs';
import { startFakeVendor, type FakeVendor, type VendorAnswer, type VendorRequest, type VendorRoute } from './fake-vendor.js';

// A local Finnhub (https://finnhub.io/docs/api) serving the documented example answers of
// test/fixtures/finnhub/ (see its README for each file's page). It checks the key as Finnhub does:
// a request without the right `X-Finnhub-Token` header (or `token` query) gets the 401 invalid-key answer.

/** The key the fake accepts. */
export const FAKE_FINNHUB_KEY = 'fake-finnhub-key-5c1e';

/** A fixture's parsed body (a string fixture is a plain-text answer). */
export function finnhubFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/finnhub/${name}`, import.meta.url), 'utf8'));
}

/** The route kinds, for `override(kind, symbol, …)`. */
export type FinnhubKind = 'quote' | 'profile' | 'earnings' | 'earnings_calendar' | 'news' | 'economic_calendar';

/** Per kind: the documented answer for the symbols the docs show, and Finnhub's answer to any other. */
const ANSWERS: Record<FinnhubKind, { path: string; known: Record<string, string>; unknown: string }> = {
  quote: { path: '/api/v1/quote', known: { AAPL: 'quote-AAPL.json' }, unknown: 'quote-unknown.json' },
  profile: { path: '/api/v1/stock/profile2', known: { AAPL: 'profile2-AAPL.json' }, unknown: 'profile2-unknown.json' },
  earnings: { path: '/api/v1/stock/earnings', known: { AAPL: 'earnings-AAPL.json' }, unknown: 'empty-list.json' },
  earnings_calendar: { path: '/api/v1/calendar/earnings', known: { AAPL: 'earnings-calendar-AAPL.json' }, unknown: 'earnings-calendar-empty.json' },
  news: { path: '/api/v1/company-news', known: { AAPL: 'company-news-AAPL.json' }, unknown: 'empty-list.json' },
  economic_calendar: { path: '/api/v1/calendar/economic', known: {}, unknown: 'economic-calendar.json' },
};

const keyOf = (request: VendorRequest): string | undefined => {
  const header = request.headers['x-finnhub-token'];
  return (Array.isArray(header) ? header[0] : header) ?? request.query.token;
};

function route(kind: FinnhubKind): VendorRoute {
  const { path, known, unknown } = ANSWERS[kind];
  return {
    kind,
    match: (url) => (url.pathname === path ? [url.searchParams.get('symbol') ?? ''].filter((s) => s !== '') : null),
    answer: (request): VendorAnswer => {
      if (keyOf(request) !== FAKE_FINNHUB_KEY) return { status: 401, body: finnhubFixture('error-401-invalid-key.json') };
      return { body: finnhubFixture(known[request.symbols[0] ?? ''] ?? unknown) };
    },
  };
}

/** Starts the fake on loopback; `url` is the FINNHUB_BASE_URL to use. */
export function startFakeFinnhub(): Promise<FakeVendor> {
  return startFakeVendor('finnhub', (Object.keys(ANSWERS) as FinnhubKind[]).map(route));
}

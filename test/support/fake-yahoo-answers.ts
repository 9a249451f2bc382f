import {
  CHART_RECORDINGS,
  CRUMB_RECORDING,
  EMPTY_QUOTES_RECORDING,
  EMPTY_SEARCH_RECORDING,
  NOT_FOUND_RECORDING,
  OPTIONS_RECORDINGS,
  QUOTE_RECORDINGS,
  SEARCH_RECORDINGS,
  SUMMARY_NOT_FOUND_RECORDING,
  SUMMARY_RECORDINGS,
  type Recording,
} from './fake-yahoo-fixtures.js';

/** Which Yahoo endpoint a request is for; `cookie` and `crumb` are the two steps before quote, options and quoteSummary. */
export type RequestKind = 'chart' | 'cookie' | 'crumb' | 'quote' | 'options' | 'quoteSummary' | 'search' | 'other';

export interface Route {
  kind: RequestKind;
  /** The symbols the request names: the path's, the quote batch's, the search's `q`; none for the crumb. */
  symbols: string[];
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const JSON_TYPE = 'application/json;charset=utf-8';

/** What the cookie step's Set-Cookie carries: any cookie for `.yahoo.com` satisfies yahoo-finance2. */
export const FAKE_COOKIE = 'A3=d=fake-yahoo-cookie; Max-Age=31557600; Domain=.yahoo.com; Path=/; Secure; HttpOnly; SameSite=None';

const PATH_ROUTES: ReadonlyArray<readonly [RegExp, RequestKind]> = [
  [/^\/v8\/finance\/chart\/([^/]+)$/, 'chart'],
  [/^\/v7\/finance\/options\/([^/]+)$/, 'options'],
  [/^\/v10\/finance\/quoteSummary\/([^/]+)$/, 'quoteSummary'],
  [/^\/quote\/([^/]+)\/?$/, 'cookie'],
];

/** The endpoint and symbols of a request, from its path and query. */
export function routeOf(pathname: string, query: Record<string, string>): Route {
  for (const [pattern, kind] of PATH_ROUTES) {
    const match = pattern.exec(pathname);
    if (match) return { kind, symbols: [decodeURIComponent(match[1])] };
  }
  if (pathname === '/v7/finance/quote') return { kind: 'quote', symbols: (query.symbols ?? '').split(',').filter(Boolean) };
  if (pathname === '/v1/finance/search') return { kind: 'search', symbols: query.q ? [query.q] : [] };
  if (pathname === '/v1/test/getcrumb') return { kind: 'crumb', symbols: [] };
  return { kind: 'other', symbols: [] };
}

const jsonAnswer = (status: number, body: unknown): Answer => ({ status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) });
const served = ({ status, contentType, body }: Recording): Answer => ({ status, headers: { 'content-type': contentType }, body });

// The parts of the recorded bodies the fake changes.
interface QuotesBody {
  quoteResponse: { result: unknown[] };
}
interface OptionsBody {
  optionChain: { result: Array<Record<string, unknown>> };
}
interface SummaryBody {
  quoteSummary: { result: Array<Record<string, unknown>> | null; error: { description: string } | null };
}
interface SearchBody {
  news: unknown[];
  quotes: unknown[];
}

/**
 * Answers requests from the recordings: a quote batch is the per-symbol recordings put together
 * (symbols without one are left out, as Yahoo leaves out unknown ones); a quoteSummary merges the
 * `result[0]` of each module's recording; search is cut to the `newsCount` and `quotesCount` asked.
 */
export class RecordedAnswers {
  constructor(private readonly recordings: ReadonlyMap<string, Recording>) {}

  answer({ kind, symbols }: Route, query: Record<string, string>, fixture?: string): Answer {
    if (fixture !== undefined) return served(this.recording(fixture));
    const [symbol = ''] = symbols;
    switch (kind) {
      case 'chart':
        return served(this.recording(CHART_RECORDINGS[`${symbol}@${query.interval}`] ?? CHART_RECORDINGS[symbol] ?? NOT_FOUND_RECORDING));
      case 'cookie':
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': FAKE_COOKIE }, body: '' };
      case 'crumb':
        return served(this.recording(CRUMB_RECORDING));
      case 'quote':
        return this.quotes(symbols);
      case 'options':
        return this.options(symbol, query.date);
      case 'quoteSummary':
        return this.summary(symbol, (query.modules ?? '').split(',').filter(Boolean));
      case 'search':
        return this.search(symbol, query);
      case 'other':
        return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
    }
  }

  private recording(file: string): Recording {
    const recording = this.recordings.get(file);
    if (!recording) throw new Error(`fake-yahoo: no fixture named ${file}`);
    return recording;
  }

  /** A fresh copy of a recording's JSON body, safe to change. */
  private json<T>(file: string): T {
    return structuredClone(this.recording(file).json) as T;
  }

  private quotes(symbols: string[]): Answer {
    const body = this.json<QuotesBody>(EMPTY_QUOTES_RECORDING);
    body.quoteResponse.result = symbols.flatMap((s) => (QUOTE_RECORDINGS[s] ? [this.json<QuotesBody>(QUOTE_RECORDINGS[s]).quoteResponse.result[0]] : []));
    return jsonAnswer(200, body);
  }

  // A date without its own recording gets the symbol's answer with an empty chain for that date: the shape
  // Yahoo gave for AAPL's 2022-03-01, an expiration it no longer lists. An unknown symbol gets an empty result.
  private options(symbol: string, date: string | undefined): Answer {
    const dated = date === undefined ? undefined : OPTIONS_RECORDINGS[`${symbol}@${date}`];
    if (dated) return served(this.recording(dated));
    if (!OPTIONS_RECORDINGS[symbol]) return jsonAnswer(200, { optionChain: { result: [], error: null } });
    if (date === undefined) return served(this.recording(OPTIONS_RECORDINGS[symbol]));
    const body = this.json<OptionsBody>(OPTIONS_RECORDINGS[symbol]);
    Object.assign(body.optionChain.result[0], {
      strikes: [],
      options: [{ expirationDate: Number(date), hasMiniOptions: false, calls: [], puts: [] }],
    });
    return jsonAnswer(200, body);
  }

  private summary(symbol: string, modules: string[]): Answer {
    const catalogue = SUMMARY_RECORDINGS[symbol];
    if (!catalogue) {
      // Yahoo's answer for a symbol it does not know (not recorded; the shape of the recorded 404 below).
      const error = { code: 'Not Found', description: `Quote not found for symbol: ${symbol}` };
      return jsonAnswer(404, { quoteSummary: { result: null, error } });
    }
    const found = modules.filter((module) => catalogue[module]);
    if (found.length === 0) {
      const body = this.json<SummaryBody>(SUMMARY_NOT_FOUND_RECORDING);
      body.quoteSummary.error!.description = `No fundamentals data found for any of the summaryTypes=${modules.join(',')}`;
      return jsonAnswer(404, body);
    }
    const result = Object.assign({}, ...found.map((module) => this.json<SummaryBody>(catalogue[module]).quoteSummary.result![0]));
    return jsonAnswer(200, { quoteSummary: { result: [result], error: null } });
  }

  private search(symbol: string, query: Record<string, string>): Answer {
    const body = this.json<SearchBody>(SEARCH_RECORDINGS[symbol] ?? EMPTY_SEARCH_RECORDING);
    if (query.newsCount !== undefined) body.news = body.news.slice(0, Number(query.newsCount));
    if (query.quotesCount !== undefined) body.quotes = body.quotes.slice(0, Number(query.quotesCount));
    return jsonAnswer(200, body);
  }
}

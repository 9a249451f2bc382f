import { readFile } from 'node:fs/promises';

const FIXTURE_DIR = new URL('../fixtures/yahoo/', import.meta.url);

/**
 * Which recording answers `/v8/finance/chart/{SYMBOL}`. A `SYMBOL@interval` key wins over `SYMBOL`
 * when the request's `interval` matches, e.g. AAPL at 1m gets the (empty) weekend recording.
 */
export const CHART_RECORDINGS: Readonly<Record<string, string>> = {
  AAPL: 'chart-AAPL-2020-08-31-to-2020-11-07.json',
  'AAPL@1m': 'chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json',
  MSFT: 'historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json',
  NVDA: 'historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json',
  GOOG: 'chart-GOOG-2020-01-01-to-2020-01-03.json',
  AMZN: 'chart-AMZN-2020-01-01-to-2020-01-03.json',
  'BTC-USD': 'chart-BTC-USD-2020-01-01-to-2020-01-03.json',
  'OCDO.L': 'chart-OCDO.L-2020-01-01-to-2020-01-03.json',
  LUCYW: 'chart-LUCYW-null-currency.json',
};

/** Served (with its 404) for any chart symbol that has no recording. */
export const NOT_FOUND_RECORDING = 'chart-INVALID-404.synthetic.json';

/** The crumb step's answer (`/v1/test/getcrumb`, plain text). */
export const CRUMB_RECORDING = 'getCrumb-getcrumb.json';

/** One symbol's `result[0]` of `/v7/finance/quote?symbols=…`: a batch answer is composed from them. */
export const QUOTE_RECORDINGS: Readonly<Record<string, string>> = {
  AAPL: 'quote-AAPL.json',
  AMZN: 'quote-AMZN.json',
  GOOG: 'quote-GOOG.json',
  BABA: 'quote-BABA.json',
  'BTC-USD': 'quote-BTC-USD.json',
};

/** A quote answer with no result (SIX, delisted): the envelope of every composed batch. */
export const EMPTY_QUOTES_RECORDING = 'quote-SIX.json';

/** `/v7/finance/options/{SYMBOL}`; a `SYMBOL@date` key (epoch seconds) answers the request with that `date`. */
export const OPTIONS_RECORDINGS: Readonly<Record<string, string>> = {
  AAPL: 'options-AAPL.json',
  'AAPL@1646092800': 'options-AAPL-expire-2022-03-01.json',
  AMZN: 'options-AMZN.json',
  GOOG: 'options-GOOG.json',
};

const summaryOf = (symbol: string, modules: readonly string[]) =>
  Object.fromEntries(modules.map((module) => [module, `quoteSummary-${module}-${symbol}.json`]));
const FIVE_MODULES = ['assetProfile', 'price', 'earnings', 'earningsHistory', 'calendarEvents'];

/**
 * `/v10/finance/quoteSummary/{SYMBOL}?modules=…`: one recording per symbol and module. WSKT.JK is a
 * symbol Yahoo knows without any of these modules: it gets the recorded 404.
 */
export const SUMMARY_RECORDINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  AAPL: summaryOf('AAPL', FIVE_MODULES),
  AMZN: summaryOf('AMZN', FIVE_MODULES),
  GOOG: summaryOf('GOOG', FIVE_MODULES),
  'WSKT.JK': {},
};

/** Yahoo's 404 for a symbol without any of the modules asked for. */
export const SUMMARY_NOT_FOUND_RECORDING = 'quoteSummary-assetProfile-WSKT.JK.json';

/** `/v1/finance/search?q=SYMBOL` (quotes and news). */
export const SEARCH_RECORDINGS: Readonly<Record<string, string>> = {
  AAPL: 'search-AAPL.json',
  AMZN: 'search-AMZN.json',
  GOOG: 'search-GOOG.json',
  BABA: 'search-BABA.json',
};

/** A search that found nothing (an ISIN Yahoo does not know): the answer for any other query. */
export const EMPTY_SEARCH_RECORDING = 'search-NO0010123060.json';

/** Every recording the fake can serve; the ones not in the catalogue are reachable through `override(symbol, { fixture })`. */
export const ALL_RECORDINGS: readonly string[] = [
  ...new Set([
    ...Object.values(CHART_RECORDINGS),
    NOT_FOUND_RECORDING,
    'chart-AAPL-2020-01-01-to-2020-01-03.json',
    CRUMB_RECORDING,
    ...Object.values(QUOTE_RECORDINGS),
    EMPTY_QUOTES_RECORDING,
    'quote-AAPL-BABA.json',
    ...Object.values(OPTIONS_RECORDINGS),
    ...Object.values(SUMMARY_RECORDINGS).flatMap((modules) => Object.values(modules)),
    SUMMARY_NOT_FOUND_RECORDING,
    ...Object.values(SEARCH_RECORDINGS),
    EMPTY_SEARCH_RECORDING,
  ]),
];

/** One recorded answer, reduced to what a replay needs. */
export interface Recording {
  status: number;
  contentType: string;
  body: string;
  /** The parsed body, for assertions against the recorded numbers. */
  json: unknown;
}

interface RecordedFile {
  response: { status: number; headers?: Record<string, string>; bodyJson?: unknown; bodyText?: string };
}

/** Reads one recording from `test/fixtures/yahoo/`. */
export async function loadRecording(file: string): Promise<Recording> {
  const { response } = JSON.parse(await readFile(new URL(file, FIXTURE_DIR), 'utf8')) as RecordedFile;
  const json = response.bodyJson ?? null;
  return {
    status: response.status,
    contentType: response.headers?.['content-type'] ?? 'application/json;charset=utf-8',
    body: response.bodyText ?? JSON.stringify(json),
    json,
  };
}

/** Reads every recording in {@link ALL_RECORDINGS}, keyed by file name. */
export async function loadAllRecordings(): Promise<Map<string, Recording>> {
  const entries = await Promise.all(ALL_RECORDINGS.map(async (file) => [file, await loadRecording(file)] as const));
  return new Map(entries);
}

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

/** Every recording the fake can serve; the ones not in the catalogue are reachable through `override(symbol, { fixture })`. */
export const ALL_RECORDINGS: readonly string[] = [
  ...new Set([...Object.values(CHART_RECORDINGS), NOT_FOUND_RECORDING, 'chart-AAPL-2020-01-01-to-2020-01-03.json']),
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

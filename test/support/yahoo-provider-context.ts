import { Logger } from '@nestjs/common';
import { YahooMarketDataProvider, type YahooMarketDataProviderOptions } from '../../src/market-data/yahoo/yahoo-market-data.provider.js';
import { startFakeYahoo, type BodyFunction, type FakeYahoo, type RecordedRequest } from './fake-yahoo.js';
import { loadRecording } from './fake-yahoo-fixtures.js';

export interface YahooProviderContext {
  readonly yahoo: FakeYahoo;
  /** A provider sending to the fake; a new one (with an empty cookie jar) for every test. */
  readonly provider: YahooMarketDataProvider;
}

/**
 * Registers beforeAll/beforeEach/afterAll that start a fake Yahoo, give each test a fresh provider
 * and a fresh fake (no overrides, no requests), and stop the fake. Jest only.
 */
export function useYahooProvider(options: Omit<YahooMarketDataProviderOptions, 'baseUrl'> = {}): YahooProviderContext {
  let yahoo: FakeYahoo | undefined;
  let provider: YahooMarketDataProvider | undefined;
  beforeAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    yahoo = await startFakeYahoo();
  });
  beforeEach(() => {
    yahoo!.reset();
    provider = new YahooMarketDataProvider({ ...options, baseUrl: yahoo!.url });
  });
  afterAll(() => yahoo?.close());
  return {
    get yahoo() {
      return yahoo!;
    },
    get provider() {
      return provider!;
    },
  };
}

/** The parsed body of a recording in `test/fixtures/yahoo/`. */
export async function recordedBody<T>(file: string): Promise<T> {
  return (await loadRecording(file)).json as T;
}

/** What the fake received, as `kind pathname` lines. */
export const requestLines = (requests: readonly RecordedRequest[]): string[] => requests.map((r) => `${r.kind} ${r.pathname}`);

/** An override body: the answer the fake would have sent, changed by `edit`. */
export function editedRecording<T>(edit: (body: T) => void): BodyFunction {
  return (_request, recorded) => {
    const body = recorded() as T;
    edit(body);
    return body;
  };
}

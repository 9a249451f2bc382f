import { PolygonMarketDataProvider } from '../../src/market-data/polygon/polygon.provider.js';
import { FAKE_POLYGON_KEY, startFakePolygon, type FakePolygon } from './fake-polygon.js';

export interface PolygonProviderContext {
  readonly polygon: FakePolygon;
  /** A provider with the fake's key, sending to the fake. */
  readonly provider: PolygonMarketDataProvider;
}

/** Registers beforeAll/afterEach/afterAll that start a fake Polygon, reset it after each test and stop it. Jest only. */
export function usePolygonProvider(): PolygonProviderContext {
  let polygon: FakePolygon | undefined;
  let provider: PolygonMarketDataProvider | undefined;
  beforeAll(async () => {
    polygon = await startFakePolygon();
    provider = new PolygonMarketDataProvider({ apiKey: FAKE_POLYGON_KEY, baseUrl: polygon.url });
  });
  afterEach(() => polygon!.reset());
  afterAll(() => polygon?.close());
  return {
    get polygon() {
      return polygon!;
    },
    get provider() {
      return provider!;
    },
  };
}

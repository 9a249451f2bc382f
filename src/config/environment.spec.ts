import 'reflect-metadata';
import { resolveProviders } from '../market-data/chain/providers-options.js';
import { ConfigError, loadAppConfig } from './environment.js';

const error = (env: Record<string, string>) => {
  try {
    loadAppConfig(env);
  } catch (thrown) {
    expect(thrown).toBeInstanceOf(ConfigError);
    return (thrown as Error).message;
  }
  throw new Error('loadAppConfig accepted the environment');
};

describe('provider settings from the environment', () => {
  it('defaults to Yahoo alone', () => {
    expect(resolveProviders(loadAppConfig({}).providers)).toMatchObject({ chain: ['yahoo'], vendors: {} });
  });

  it('takes the chain in order, with massive as Polygon, keys, base URLs and limits, the free tiers by default', () => {
    const config = loadAppConfig({
      MARKET_DATA_PROVIDERS: ' Yahoo, finnhub ,massive,alpha_vantage',
      FINNHUB_API_KEY: 'fk',
      POLYGON_API_KEY: 'pk',
      POLYGON_BASE_URL: 'http://127.0.0.1:9000',
      POLYGON_MAX_RPM: '100',
      ALPHA_VANTAGE_API_KEY: 'ak',
      ALPHA_VANTAGE_MAX_PER_DAY: '500',
    });
    const { chain, vendors } = resolveProviders(config.providers);
    expect(chain).toEqual(['yahoo', 'finnhub', 'polygon', 'alpha_vantage']);
    expect(vendors.finnhub).toMatchObject({ apiKey: 'fk', baseUrl: null, perMinute: 60, perDay: null });
    expect(vendors.polygon).toMatchObject({ apiKey: 'pk', baseUrl: 'http://127.0.0.1:9000', perMinute: 100, perDay: null });
    expect(vendors.alpha_vantage).toMatchObject({ apiKey: 'ak', perMinute: 5, perDay: 500 });
  });

  it.each([
    [{ MARKET_DATA_PROVIDERS: 'yahoo,finnhub' }, 'Invalid environment: MARKET_DATA_PROVIDERS lists finnhub, but FINNHUB_API_KEY (providers.finnhub.apiKey) is not set'],
    [{ MARKET_DATA_PROVIDERS: 'yahoo,bloomberg' }, 'Invalid environment: MARKET_DATA_PROVIDERS (providers.chain): unknown provider "bloomberg" (known: yahoo, alpha_vantage, finnhub, polygon, massive)'],
    [{ MARKET_DATA_PROVIDERS: 'polygon,massive', POLYGON_API_KEY: 'k' }, 'Invalid environment: MARKET_DATA_PROVIDERS (providers.chain): provider "massive" is listed twice'],
    [{ MARKET_DATA_PROVIDERS: ' , ' }, 'Invalid environment: MARKET_DATA_PROVIDERS (providers.chain): names no provider'],
    [{ FINNHUB_MAX_RPM: '0' }, 'FINNHUB_MAX_RPM must not be less than 1'],
  ])('refuses %j at start-up', (env, message) => {
    expect(error(env)).toContain(message);
  });

  it('never repeats a key in its errors', () => {
    const message = error({ MARKET_DATA_PROVIDERS: 'finnhub,polygon', FINNHUB_API_KEY: 'secret-finnhub-key', FINNHUB_MAX_PER_DAY: 'lots' });
    expect(message).toContain('FINNHUB_MAX_PER_DAY');
    expect(message).not.toContain('secret-finnhub-key');
  });
});

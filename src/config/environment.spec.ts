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

describe('Redis through Sentinel from the environment', () => {
  it('takes the sentinels, the master name and the passwords', () => {
    const config = loadAppConfig({ REDIS_SENTINELS: '10.0.0.1:26379,sentinel-b:26380', REDIS_SENTINEL_NAME: 'prices', REDIS_PASSWORD: 'pw', REDIS_SENTINEL_PASSWORD: 'spw' });
    expect(config.redisUrl).toBeNull();
    expect(config.redisSentinel).toEqual({
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: 'sentinel-b', port: 26380 },
      ],
      name: 'prices',
      password: 'pw',
      sentinelPassword: 'spw',
    });
    expect(loadAppConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisSentinel).toBeNull();
  });

  it.each([
    [{ REDIS_SENTINELS: '10.0.0.1:26379' }, 'Invalid environment: REDIS_SENTINELS needs REDIS_SENTINEL_NAME (the master name the sentinels monitor)'],
    [{ REDIS_SENTINEL_NAME: 'prices' }, 'Invalid environment: REDIS_SENTINEL_NAME needs REDIS_SENTINELS (the sentinels to ask)'],
    [{ REDIS_SENTINELS: '10.0.0.1:26379', REDIS_SENTINEL_NAME: 'prices', REDIS_URL: 'redis://127.0.0.1:6379' }, 'Invalid environment: set REDIS_URL or REDIS_SENTINELS, not both'],
    [{ REDIS_SENTINELS: '10.0.0.1', REDIS_SENTINEL_NAME: 'prices' }, 'Invalid environment: REDIS_SENTINELS must be host:port pairs separated by commas, e.g. 10.0.0.1:26379,10.0.0.2:26379'],
    [{ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PASSWORD: 'pw' }, 'Invalid environment: REDIS_PASSWORD applies with REDIS_SENTINELS; with REDIS_URL, put it in the URL (redis://user:password@host:port)'],
  ])('refuses %j', (env, message) => {
    expect(error(env)).toBe(message);
  });
});

import { openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { QuotaExceededError, RateLimitedError } from '../provider-errors.js';
import { ProviderQuota, quotaFetch } from './provider-quota.js';

/** Takes `count` requests from the quotas in turn; the name of what each take threw, or 'ok'. */
async function takeInTurn(quotas: ProviderQuota[], count: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < count; i++) outcomes.push(await quotas[i % quotas.length].take().then(() => 'ok', (error: Error) => error.name));
  return outcomes;
}

describe('ProviderQuota', () => {
  let keyspace: RedisKeyspace;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
  });
  afterEach(() => keyspace.cleanup());

  it('holds a per-minute quota across three replicas on one Redis, naming the wait', async () => {
    const replicas = [0, 1, 2].map(() => new ProviderQuota('polygon', { perMinute: 5, perDay: null }, keyspace.client));
    expect(await takeInTurn(replicas, 7)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RateLimitedError', 'RateLimitedError']);
    const refused = await replicas[0].take().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterMs).toBeGreaterThan(50_000);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}scheduler:quota:polygon:minute:requests`]);
  });

  it('holds a daily quota across replicas and a restart, and counts what was used', async () => {
    const first = new ProviderQuota('alpha_vantage', { perMinute: null, perDay: 3 }, keyspace.client);
    expect(await takeInTurn([first], 2)).toEqual(['ok', 'ok']);
    const restarted = new ProviderQuota('alpha_vantage', { perMinute: null, perDay: 3 }, keyspace.client);
    expect(await restarted.usedToday()).toBe(2);
    expect(await takeInTurn([restarted, first], 3)).toEqual(['ok', 'QuotaExceededError', 'QuotaExceededError']);
    await expect(first.take()).rejects.toThrow("alpha_vantage's daily quota is used up");
  });

  it('counts in process on the memory store, per provider', async () => {
    const finnhub = new ProviderQuota('finnhub', { perMinute: 2, perDay: null }, null);
    const other = new ProviderQuota('polygon', { perMinute: 2, perDay: null }, null);
    expect(await takeInTurn([finnhub], 3)).toEqual(['ok', 'ok', 'RateLimitedError']);
    expect(await takeInTurn([other], 1)).toEqual(['ok']);
  });

  it('sends nothing once the quota is used up', async () => {
    const sent: string[] = [];
    const fetch = quotaFetch(async (input) => {
      sent.push(String(input));
      return new Response('{}');
    }, new ProviderQuota('finnhub', { perMinute: null, perDay: 1 }, keyspace.client));
    await fetch('http://127.0.0.1/a');
    await expect(fetch('http://127.0.0.1/b')).rejects.toBeInstanceOf(QuotaExceededError);
    expect(sent).toEqual(['http://127.0.0.1/a']);
  });
});

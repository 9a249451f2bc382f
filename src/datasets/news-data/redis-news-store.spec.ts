import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { makeArticle, MINUTE_MS } from './news-fixtures.js';
import { RedisNewsStore } from './redis-news-store.js';

const aapl = { prefix: 'stock', symbol: 'aapl' };

describe('Redis news layout', () => {
  let keyspace: RedisKeyspace;
  let news: RedisNewsStore;
  beforeEach(async () => {
    keyspace = await openRedisKeyspace();
    news = new RedisNewsStore(keyspace.client);
  });
  afterEach(() => keyspace.cleanup());

  it('keeps articles at {prefix}:{SYMBOL}:news, scored by publish time, as JSON arrays led by the id in base64url, and their ids at …:news:ids', async () => {
    const article = makeArticle(0, { related_tickers: ['AAPL', 'BRK-B'] });
    await news.add(aapl, [article, makeArticle(1, { id: 'other-id', link: null })], 0);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}stock:AAPL:news`, `${keyspace.prefix}stock:AAPL:news:ids`]);
    expect(await keyspace.client.zrangebyscore('stock:AAPL:news', '-inf', '+inf', 'WITHSCORES')).toEqual([
      `["V-qcCQyZOt-QYgAAAAAAAA","Why Trump could 'move fast' on Apple's $500B US investment plan (0)","Yahoo Finance Video","/video/why-trump-could-move-fast-0.html","AAPL","BRK-B"]`,
      String(article.published_at),
      `["~other-id","Why Trump could 'move fast' on Apple's $500B US investment plan (1)","Yahoo Finance Video",null,"AAPL"]`,
      String(article.published_at + MINUTE_MS),
    ]);
    expect((await keyspace.client.smembers('stock:AAPL:news:ids')).sort()).toEqual(['V-qcCQyZOt-QYgAAAAAAAA', '~other-id']);
  });

  it('adds in one command, and reads a range newest first in one command, limited or not', async () => {
    const articles = Array.from({ length: 5 }, (_, minutes) => makeArticle(minutes));
    expect(await commandsSentBy(keyspace.client, () => news.add(aapl, articles, 0))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => news.range(aapl))).toEqual(['zrevrangebyscore']);
    expect(await commandsSentBy(keyspace.client, () => news.range(aapl, articles[1].published_at, articles[3].published_at, 2))).toEqual(['zrevrangebyscore']);
  });

  it('drops an article published before the retention from both keys, and the keys once empty', async () => {
    await news.add(aapl, [makeArticle(0), makeArticle(5)], 0);
    await news.add(aapl, [], makeArticle(1).published_at);
    expect(await keyspace.client.zcard('stock:AAPL:news')).toBe(1);
    expect(await keyspace.client.smembers('stock:AAPL:news:ids')).toEqual(['V-qcCQyZOt-QYgAAAAAABQ']);
    await news.add(aapl, [], makeArticle(6).published_at);
    expect(await keyspace.keys()).toEqual([]);
  });

  it('stores a year of recorded-like articles in under 360 bytes an article (MEMORY USAGE of both keys)', async () => {
    const year = Array.from({ length: 2000 }, (_, n) => makeArticle(n * 263));
    for (let i = 0; i < year.length; i += 10) await news.add(aapl, year.slice(i, i + 10), 0);
    expect(await news.range(aapl)).toEqual([...year].reverse());
    let bytes = 0;
    for (const key of ['stock:AAPL:news', 'stock:AAPL:news:ids']) bytes += (await keyspace.client.memory('USAGE', key, 'SAMPLES', 0))!;
    expect(bytes / year.length).toBeLessThan(360);
  });
});

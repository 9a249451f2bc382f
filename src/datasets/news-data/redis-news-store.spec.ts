import { commandsSentBy, openRedisKeyspace, type RedisKeyspace } from '../../storage/contract/redis-keyspace.js';
import { encodeLine } from './news-article-codec.js';
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

  it('keeps articles at {prefix}:{SYMBOL}:news in day blocks, a line an article: time offset and JSON row led by the id in base64url; their ids at …:news:ids', async () => {
    const article = makeArticle(0, { related_tickers: ['AAPL', 'BRK-B'] });
    const nextDay = makeArticle(24 * 60, { id: 'other-id', link: null });
    await news.add(aapl, [makeArticle(1), article], 0);
    await news.add(aapl, [nextDay], 0);
    expect(await keyspace.keys()).toEqual([`${keyspace.prefix}stock:AAPL:news`, `${keyspace.prefix}stock:AAPL:news:ids`]);
    const day = Date.UTC(2025, 1, 25);
    const offset = article.published_at - day;
    const title = "Why Trump could 'move fast' on Apple's $500B US investment plan";
    expect(await keyspace.client.zrangebyscore('stock:AAPL:news', '-inf', '+inf', 'WITHSCORES')).toEqual([
      [
        `${offset}["V-qcCQyZOt-QYgAAAAAAAA","${title} (0)","Yahoo Finance Video","/video/why-trump-could-move-fast-0.html","AAPL","BRK-B"]`,
        `${offset + MINUTE_MS}["V-qcCQyZOt-QYgAAAAAAAQ","${title} (1)","Yahoo Finance Video","/video/why-trump-could-move-fast-1.html","AAPL"]`,
      ].join('\n'),
      String(day),
      `${offset}["~other-id","${title} (1440)","Yahoo Finance Video",null,"AAPL"]`,
      String(day + 86_400_000),
    ]);
    expect((await keyspace.client.smembers('stock:AAPL:news:ids')).sort()).toEqual(['V-qcCQyZOt-QYgAAAAAAAA', 'V-qcCQyZOt-QYgAAAAAAAQ', '~other-id']);
  });

  it('puts a source other than yahoo after the offset, `~polygon`, and still trims such a line by its time', async () => {
    await news.add(aapl, [makeArticle(0, { source: 'polygon' }), makeArticle(1)], 0);
    const [block] = await keyspace.client.zrange('stock:AAPL:news', '0', '-1');
    const offset = makeArticle(0).published_at - Date.UTC(2025, 1, 25);
    expect(block.split('\n').map((line) => line.slice(0, line.indexOf('[')))).toEqual([`${offset}~polygon`, `${offset + MINUTE_MS}`]);
    await news.add(aapl, [], makeArticle(1).published_at);
    expect(await news.range(aapl)).toEqual([makeArticle(1)]);
    expect(await keyspace.client.scard('stock:AAPL:news:ids')).toBe(1);
  });

  it('adds in one command, and reads a range newest first in one command, limited or not', async () => {
    const articles = Array.from({ length: 5 }, (_, minutes) => makeArticle(minutes));
    expect(await commandsSentBy(keyspace.client, () => news.add(aapl, articles, 0))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => news.range(aapl))).toEqual(['evalsha']);
    expect(await commandsSentBy(keyspace.client, () => news.range(aapl, articles[1].published_at, articles[3].published_at, 2))).toEqual(['evalsha']);
  });

  it('drops an article published before the retention from both keys, its block rewritten, and the keys once empty', async () => {
    await news.add(aapl, [makeArticle(0), makeArticle(5)], 0);
    await news.add(aapl, [], makeArticle(1).published_at);
    const [member] = await keyspace.client.zrange('stock:AAPL:news', '0', '-1');
    expect(member).toBe(encodeLine(makeArticle(5)));
    expect(await keyspace.client.smembers('stock:AAPL:news:ids')).toEqual(['V-qcCQyZOt-QYgAAAAAABQ']);
    await news.add(aapl, [], makeArticle(6).published_at);
    expect(await keyspace.keys()).toEqual([]);
  });

  it('stores a year of recorded-like articles in under 320 bytes an article (MEMORY USAGE of both keys)', async () => {
    // An article every 263 minutes, five or six a day.
    const year = Array.from({ length: 2000 }, (_, n) => makeArticle(n * 263));
    for (let i = 0; i < year.length; i += 10) await news.add(aapl, year.slice(i, i + 10), 0);
    expect(await news.range(aapl)).toEqual([...year].reverse());
    let bytes = 0;
    for (const key of ['stock:AAPL:news', 'stock:AAPL:news:ids']) bytes += (await keyspace.client.memory('USAGE', key, 'SAMPLES', 0))!;
    expect(bytes / year.length).toBeLessThan(320);
  });
});

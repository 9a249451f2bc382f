import { describeAdapters } from '../../storage/contract/describe-adapters.js';
import { MemoryNewsStore } from './memory-news-store.js';
import { makeArticle, MINUTE_MS, PUBLISHED_T0 } from './news-fixtures.js';
import type { NewsStore } from './news-store.js';
import { RedisNewsStore } from './redis-news-store.js';

const aapl = { prefix: 'stock', symbol: 'AAPL' };
const at = (minutes: number) => PUBLISHED_T0 + minutes * MINUTE_MS;
const ids = (articles: Array<{ id: string }>) => articles.map((article) => article.id);

describeAdapters<NewsStore>('NewsStore', { memory: () => new MemoryNewsStore(), redis: (client) => new RedisNewsStore(client) }, (stores) => {
  it('reads nothing for a symbol without articles', async () => {
    const news = stores();
    expect(await news.range(aapl)).toEqual([]);
    expect(await news.add(aapl, [], 0)).toBe(0);
    expect(await news.range(aapl, at(0), at(10), 5)).toEqual([]);
  });

  it('stores articles with every field intact, newest first, and counts them', async () => {
    const news = stores();
    const odd = [
      makeArticle(1, { publisher: null, link: null, related_tickers: [] }),
      makeArticle(2, { id: 'not-a-uuid', related_tickers: ['MSFT', 'GOOG', 'BRK-B'] }),
      makeArticle(3, { id: '57EA9C09-0C99-3ADF-9062-FECFDBE472CC', link: 'https://example.com/a?b=c' }),
      makeArticle(4, { id: '~tilde', link: '/relative/path', title: 'Quotes " and \\ and \u001f, ünïcödé 📈' }),
      makeArticle(5, { link: '\\odd', publisher: '' }),
    ];
    expect(await news.add(aapl, [makeArticle(0), ...odd], 0)).toBe(6);
    expect(await news.range(aapl)).toEqual([...odd].reverse().concat(makeArticle(0)));
    expect(await news.range({ prefix: 'stock', symbol: 'aapl' }, at(0), at(0))).toEqual([makeArticle(0)]);
    expect(await news.range({ prefix: 'other', symbol: 'AAPL' })).toEqual([]);
  });

  it('adds an id once, keeping the stored article, across calls and within one', async () => {
    const news = stores();
    expect(await news.add(aapl, [makeArticle(0), makeArticle(1), makeArticle(0)], 0)).toBe(2);
    const changed = makeArticle(1, { title: 'Updated', published_at: at(7) });
    expect(await news.add(aapl, [makeArticle(0), changed, makeArticle(2)], 0)).toBe(1);
    expect(await news.range(aapl)).toEqual([makeArticle(2), makeArticle(1), makeArticle(0)]);
    expect(await news.add({ prefix: 'stock', symbol: 'aapl' }, [makeArticle(2)], 0)).toBe(0);
  });

  it('reads the newest `limit` articles published from `from` to `to`, inclusively', async () => {
    const news = stores();
    await news.add(aapl, [0, 1, 2, 3, 4, 5].map((minutes) => makeArticle(minutes)), 0);
    expect(ids(await news.range(aapl, at(1), at(4)))).toEqual(ids([4, 3, 2, 1].map((minutes) => makeArticle(minutes))));
    expect(ids(await news.range(aapl, undefined, at(3), 2))).toEqual(ids([makeArticle(3), makeArticle(2)]));
    expect(ids(await news.range(aapl, at(4), undefined, 10))).toEqual(ids([makeArticle(5), makeArticle(4)]));
    expect(await news.range(aapl, at(6))).toEqual([]);
  });

  it('orders articles of one publish time the same whatever the write order', async () => {
    const news = stores();
    const same = [0, 1, 2].map((n) => makeArticle(n, { published_at: at(0) }));
    await news.add(aapl, same, 0);
    await news.add({ prefix: 'stock', symbol: 'MSFT' }, [...same].reverse(), 0);
    const order = ids(await news.range(aapl));
    expect(ids(await news.range({ prefix: 'stock', symbol: 'MSFT' }))).toEqual(order);
    expect(ids(await news.range(aapl, at(0), at(0), 2))).toEqual(order.slice(0, 2));
  });

  it('drops the articles published before the retention on add, ids included, and stores none older', async () => {
    const news = stores();
    await news.add(aapl, [0, 5, 10].map((minutes) => makeArticle(minutes)), 0);
    expect(await news.add(aapl, [makeArticle(1), makeArticle(6)], at(5))).toBe(1);
    expect(ids(await news.range(aapl))).toEqual(ids([makeArticle(10), makeArticle(6), makeArticle(5)]));
    // The id of a dropped article is forgotten with it: the article is new again.
    expect(await news.add(aapl, [makeArticle(0)], 0)).toBe(1);
    expect(await news.add(aapl, [], at(11))).toBe(0);
    expect(await news.range(aapl)).toEqual([]);
  });
});

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

  it('keeps the source of each article; one stored without a source reads back as yahoo', async () => {
    const news = stores();
    const { source: _, ...unnamed } = makeArticle(0);
    await news.add(aapl, [unnamed, makeArticle(1, { source: 'polygon' }), makeArticle(2, { id: 'https://example.com/a', source: 'alpha_vantage' })], 0);
    // The article first stored for an id stays, source and all.
    expect(await news.add(aapl, [makeArticle(1, { source: 'finnhub' })], 0)).toBe(0);
    expect(await news.range(aapl)).toEqual([makeArticle(2, { id: 'https://example.com/a', source: 'alpha_vantage' }), makeArticle(1, { source: 'polygon' }), makeArticle(0)]);
  });

  it('stores articles with every field intact, newest first, and counts them', async () => {
    const news = stores();
    const odd = [
      makeArticle(1, { publisher: null, link: null, related_tickers: [] }),
      makeArticle(2, { id: 'not-a-uuid', related_tickers: ['MSFT', 'GOOG', 'BRK-B'] }),
      makeArticle(3, { id: '57EA9C09-0C99-3ADF-9062-FECFDBE472CC', link: 'https://example.com/a?b=c' }),
      makeArticle(4, { id: '~tilde', link: '/relative/path', title: 'Quotes " and \\ and \u001f, ünïcödé 📈' }),
      makeArticle(5, { link: '\\odd', publisher: '' }),
      makeArticle(6, { published_at: at(6) + 0.25 }),
    ];
    expect(await news.add(aapl, [makeArticle(0), ...odd], 0)).toBe(7);
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

  it('reads the articles of one publish time the last added first', async () => {
    const news = stores();
    const same = [10, 11, 12, 13].map((n) => makeArticle(n, { published_at: at(1) }));
    await news.add(aapl, [same[1], makeArticle(2), same[0]], 0);
    await news.add(aapl, [same[3], makeArticle(0), same[2]], 0);
    expect(ids(await news.range(aapl))).toEqual(ids([makeArticle(2), same[2], same[3], same[0], same[1], makeArticle(0)]));
    expect(ids(await news.range(aapl, at(1), at(1), 2))).toEqual(ids([same[2], same[3]]));
  });

  it('reads across days, and the newest `limit` of a long history', async () => {
    const news = stores();
    // An article every 7 hours for 60 days.
    const history = Array.from({ length: 206 }, (_, n) => makeArticle(n * 420));
    for (let i = 0; i < history.length; i += 10) await news.add(aapl, history.slice(i, i + 10), 0);
    const newest = [...history].reverse();
    expect(await news.range(aapl)).toEqual(newest);
    expect(await news.range(aapl, undefined, undefined, 150)).toEqual(newest.slice(0, 150));
    expect(await news.range(aapl, at(420 * 10), at(420 * 50), 7)).toEqual(newest.slice(155, 162));
    expect(await news.range(aapl, at(420 * 10 + 1), at(420 * 12 - 1))).toEqual([history[11]]);
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

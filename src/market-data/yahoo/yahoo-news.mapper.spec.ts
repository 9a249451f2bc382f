import { editedRecording, recordedBody, requestLines, useYahooProvider } from '../../../test/support/yahoo-provider-context.js';
import { syntheticNews } from '../../../test/support/synthetic-quotes.js';
import type { NewsArticle } from '../../datasets/news-data/news-article.js';
import { InvalidResponseError } from '../provider-errors.js';

type RawArticle = Record<string, unknown>;
interface RawSearch {
  news: RawArticle[];
}

/** The articles a search recording should map to, read straight from its JSON. */
async function recordedArticles(symbol: string): Promise<NewsArticle[]> {
  return (await recordedBody<RawSearch>(`search-${symbol}.json`)).news.map((n) => ({
    id: n.uuid as string,
    title: n.title as string,
    publisher: n.publisher as string,
    link: n.link as string,
    published_at: (n.providerPublishTime as number) * 1000,
    related_tickers: n.relatedTickers as string[],
  }));
}

describe('YahooMarketDataProvider.fetchNews through yahoo-finance2 and the fake Yahoo', () => {
  const ctx = useYahooProvider();

  it.each(['AAPL', 'AMZN', 'GOOG', 'BABA'])('maps %s’s articles as recorded, with one search request and no crumb', async (symbol) => {
    const articles = await ctx.provider.fetchNews({ symbol, count: 10 });

    expect(articles).toEqual(await recordedArticles(symbol));
    expect(requestLines(ctx.yahoo.requests)).toEqual(['search /v1/finance/search']);
    expect(ctx.yahoo.requests[0].query).toMatchObject({ q: symbol, newsCount: '10', quotesCount: '0' });
  });

  it('asks for `count` articles', async () => {
    const articles = await ctx.provider.fetchNews({ symbol: 'AAPL', count: 2 });
    expect(articles).toEqual((await recordedArticles('AAPL')).slice(0, 2));
    expect(articles[0]).toMatchObject({ id: '57ea9c09-0c99-3adf-9062-fecfdbe472cc', published_at: 1740442800_000, related_tickers: ['AAPL'] });
    expect(ctx.yahoo.requests[0].query.newsCount).toBe('2');
  });

  it('answers no articles for a symbol Yahoo has no news for', async () => {
    await expect(ctx.provider.fetchNews({ symbol: 'NOSUCHSYMBOL', count: 10 })).resolves.toEqual([]);
  });

  it('keeps an article without an id, title or time, as "" and NaN for the validator, and the rest as recorded', async () => {
    ctx.yahoo.override(
      'AAPL',
      {
        body: editedRecording<RawSearch>(({ news }) => {
          delete news[1].uuid;
          news[2].title = null;
          news[3].providerPublishTime = 'today';
        }),
      },
      'search',
    );
    const articles = await ctx.provider.fetchNews({ symbol: 'AAPL', count: 4 });
    const recorded = await recordedArticles('AAPL');
    expect(articles).toEqual([recorded[0], { ...recorded[1], id: '' }, { ...recorded[2], title: '' }, { ...recorded[3], published_at: Number.NaN }]);
  });

  it('answers any symbol from the benchmarks’ synthetic news: the same articles again until `first` moves on', async () => {
    let first = 0;
    ctx.yahoo.override('*', { body: await syntheticNews({ first: () => first }) }, 'search');

    const once = await ctx.provider.fetchNews({ symbol: 'SYN1', count: 10 });
    const again = await ctx.provider.fetchNews({ symbol: 'SYN1', count: 10 });
    first = 3;
    const later = await ctx.provider.fetchNews({ symbol: 'SYN1', count: 10 });
    const other = await ctx.provider.fetchNews({ symbol: 'SYN2', count: 10 });

    expect(again).toEqual(once);
    expect(new Set(once.map((a) => a.id)).size).toBe(10);
    expect(once[0]).toMatchObject({ related_tickers: ['SYN1'], title: expect.stringContaining('SYN1 #0') });
    expect(once.every((a) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(a.id))).toBe(true);
    expect(later.slice(3)).toEqual(once.slice(0, 7));
    expect(later[0].published_at - once[0].published_at).toBe(3 * 60_000);
    expect(other.filter((a) => once.some((b) => b.id === a.id))).toEqual([]);
  });

  it('throws InvalidResponseError for an answer without a news list', async () => {
    ctx.yahoo.override('AAPL', { body: { quotes: [] } }, 'search');
    await expect(ctx.provider.fetchNews({ symbol: 'AAPL', count: 4 })).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

import type { NewsArticle } from '../../datasets/news-data/news-article.js';
import { InvalidResponseError } from '../provider-errors.js';
import { fieldsOf, itemsOf, stringOrNull } from '../yahoo/yahoo-values.js';

const PUBLISHED = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?$/;

/**
 * Epoch ms of a `time_published` such as `20250513T130013`. The documentation names no zone; the
 * times read as UTC (Zacks' 09:00 New York commentaries arrive as T1300), so UTC it is. NaN otherwise.
 */
export function publishedMs(value: unknown): number {
  const match = typeof value === 'string' ? PUBLISHED.exec(value) : null;
  if (!match) return Number.NaN;
  const [, year, month, day, hour, minute, second = '0'] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
}

// Alpha Vantage gives articles no id: the URL identifies one.
function toArticle(item: unknown): NewsArticle {
  const article = fieldsOf(item);
  const url = stringOrNull(article.url);
  return {
    id: url ?? '',
    title: stringOrNull(article.title) ?? '',
    publisher: stringOrNull(article.source),
    link: url,
    published_at: publishedMs(article.time_published),
    related_tickers: itemsOf(article.ticker_sentiment).flatMap((entry) => {
      const ticker = stringOrNull(fieldsOf(entry).ticker);
      return ticker === null ? [] : [ticker];
    }),
  };
}

/** The articles of a NEWS_SENTIMENT answer, in its order (newest first by default); none is not an error. */
export function toNewsArticles(body: Record<string, unknown>, what: string): NewsArticle[] {
  if (!Array.isArray(body.feed)) throw new InvalidResponseError(`${what}: the answer has no "feed" list`);
  return body.feed.map(toArticle);
}

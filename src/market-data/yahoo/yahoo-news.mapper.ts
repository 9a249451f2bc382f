import type { NewsArticle } from '../../datasets/news-data/news-article.js';
import { InvalidResponseError } from '../provider-errors.js';
import { epochMsOrNaN, fieldsOf, itemsOf, stringOrNull } from './yahoo-values.js';

function toArticle(item: unknown): NewsArticle {
  const article = fieldsOf(item);
  return {
    id: stringOrNull(article.uuid) ?? '',
    title: stringOrNull(article.title) ?? '',
    publisher: stringOrNull(article.publisher),
    link: stringOrNull(article.link),
    published_at: epochMsOrNaN(article.providerPublishTime),
    related_tickers: itemsOf(article.relatedTickers).filter((ticker): ticker is string => typeof ticker === 'string'),
  };
}

/**
 * The articles of `search()`'s unvalidated answer, in Yahoo's order. Each is read on its own: a
 * missing id or title becomes '', for the validator to drop and count.
 */
export function toNewsArticles(answer: unknown, symbol: string): NewsArticle[] {
  const { news } = fieldsOf(answer);
  if (!Array.isArray(news)) throw new InvalidResponseError(`Yahoo's search answer for ${symbol} has no news list`);
  return news.map(toArticle);
}

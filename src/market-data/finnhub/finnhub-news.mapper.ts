import type { NewsArticle } from '../../datasets/news-data/news-article.js';
import { InvalidResponseError } from '../provider-errors.js';
import { epochMsOrNaN, fieldsOf, stringOrNull } from '../yahoo/yahoo-values.js';
import { textOrNull } from './finnhub-values.js';

function toArticle(item: unknown): NewsArticle {
  const article = fieldsOf(item);
  return {
    // Finnhub's ids are numbers; an article without one gets '', for validation to drop.
    id: typeof article.id === 'number' ? String(article.id) : (stringOrNull(article.id) ?? ''),
    title: stringOrNull(article.headline) ?? '',
    publisher: textOrNull(article.source),
    link: textOrNull(article.url),
    published_at: epochMsOrNaN(article.datetime),
    // A comma-separated list, in Finnhub's symbols (`BRK.B`).
    related_tickers: (stringOrNull(article.related) ?? '').split(',').map((ticker) => ticker.trim()).filter((ticker) => ticker !== ''),
  };
}

// Articles without a time last.
const rank = ({ published_at }: NewsArticle) => (Number.isNaN(published_at) ? -Infinity : published_at);
const newestFirst = (a: NewsArticle, b: NewsArticle) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? 1 : -1);

/** The newest `count` articles of a `/company-news` answer; an empty list is no error. */
export function toFinnhubNews(answer: unknown, symbol: string, count: number): NewsArticle[] {
  if (!Array.isArray(answer)) throw new InvalidResponseError(`Finnhub's company-news answer for ${symbol} is not a list`);
  return answer.map(toArticle).sort(newestFirst).slice(0, count);
}

import type { NewsArticle } from './news-article.js';

/** Outcome of {@link validateArticles}: `valid.length + rejected` always equals the input length. */
export interface ArticleValidation {
  valid: NewsArticle[];
  rejected: number;
}

/**
 * Drops articles without an id, a title or a finite publish time (the store orders by that time and
 * de-duplicates by the id). An empty publisher or link reads as null. Returns new objects; the input
 * (an answer shared between runs) is left as it is.
 */
export function validateArticles(articles: NewsArticle[]): ArticleValidation {
  const valid = articles
    .filter((article) => article.id !== '' && article.title !== '' && Number.isFinite(article.published_at))
    .map((article) => ({ ...article, publisher: article.publisher || null, link: article.link || null, related_tickers: [...article.related_tickers] }));
  return { valid, rejected: articles.length - valid.length };
}

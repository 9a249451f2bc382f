import type { CompanyProfile } from '../../datasets/company-info/company-profile.js';
import type { NewsArticle } from '../../datasets/news-data/news-article.js';
import { fieldsOf, itemsOf, numberOrNull, stringOrNull } from '../yahoo/yahoo-values.js';

/**
 * Ticker details as a profile. Polygon has an SIC description (`ELECTRONIC COMPUTERS`) where Yahoo has an
 * industry, and no sector, country or officers.
 */
export function toCompanyProfile(answer: unknown): CompanyProfile {
  const details = fieldsOf(fieldsOf(answer).results);
  return {
    name: stringOrNull(details.name),
    sector: null,
    industry: stringOrNull(details.sic_description),
    country: null,
    website: stringOrNull(details.homepage_url),
    employees: numberOrNull(details.total_employees),
    summary: stringOrNull(details.description),
    officers: [],
    currency: stringOrNull(details.currency_name)?.toUpperCase() ?? null,
    exchange: stringOrNull(details.primary_exchange),
  };
}

/** News results as articles; Polygon's `id` is the article id, its publisher an object with a name. */
export function toNewsArticles(answer: unknown): NewsArticle[] {
  return itemsOf(fieldsOf(answer).results).map((item): NewsArticle => {
    const article = fieldsOf(item);
    return {
      id: stringOrNull(article.id) ?? '',
      title: stringOrNull(article.title) ?? '',
      publisher: stringOrNull(fieldsOf(article.publisher).name),
      link: stringOrNull(article.article_url),
      published_at: Date.parse(stringOrNull(article.published_utc) ?? ''),
      related_tickers: itemsOf(article.tickers).filter((t): t is string => typeof t === 'string'),
    };
  });
}

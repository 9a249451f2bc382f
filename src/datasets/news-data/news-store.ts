import type { SymbolKeyId } from '../dataset.js';
import type { NewsArticle, StoredArticle } from './news-article.js';

/** A symbol's articles at `{prefix}:{SYMBOL}:news`, by publish time, de-duplicated by id. */
export interface NewsStore {
  /** Adds the articles whose id is new, drops those published before `keepFrom` (epoch ms); returns how many were new. */
  add(id: SymbolKeyId, articles: NewsArticle[], keepFrom: number): Promise<number>;
  /** Articles with `from <= published_at <= to`, newest first, at most `limit`. */
  range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<StoredArticle[]>;
}

export const NEWS_STORE = Symbol('NEWS_STORE');

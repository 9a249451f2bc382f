import type { Sourced } from '../../market-data/bar.js';
import type { RequestContext } from '../dataset.js';

/** One article; `id` is Yahoo's uuid. An id or title the provider lacks is '', so validation drops it. */
export interface NewsArticle {
  id: string;
  title: string;
  publisher: string | null;
  link: string | null;
  /** Epoch ms; NaN when the provider gives no time. */
  published_at: number;
  related_tickers: string[];
  /** The provider that gave the article. */
  source?: string;
}

/** An article as the store reads it back, with its source. */
export type StoredArticle = Sourced<NewsArticle>;

export interface NewsRequest extends RequestContext {
  symbol: string;
  /** Articles asked for (1–50). */
  count: number;
}

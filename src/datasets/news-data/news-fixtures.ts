import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import type { NewsArticle } from './news-article.js';

/** 2025-02-25 00:20 UTC, when the newest article of the recorded AAPL search was published. */
export const PUBLISHED_T0 = 1_740_442_800_000;
export const MINUTE_MS = 60_000;

/**
 * An article published `minutes` after {@link PUBLISHED_T0}, shaped like the recorded AAPL ones
 * (test/fixtures/yahoo/search-AAPL.json), its uuid made of `minutes`; `overrides` replace fields.
 */
export function makeArticle(minutes: number, overrides: Partial<NewsArticle> = {}): NewsArticle {
  return {
    id: `57ea9c09-0c99-3adf-9062-${String(minutes).padStart(12, '0')}`,
    title: `Why Trump could 'move fast' on Apple's $500B US investment plan (${minutes})`,
    publisher: 'Yahoo Finance Video',
    link: `https://finance.yahoo.com/video/why-trump-could-move-fast-${minutes}.html`,
    published_at: PUBLISHED_T0 + minutes * MINUTE_MS,
    related_tickers: ['AAPL'],
    source: STORED_SOURCE_DEFAULT,
    ...overrides,
  };
}

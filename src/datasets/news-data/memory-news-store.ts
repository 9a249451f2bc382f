import { sourced } from '../../market-data/bar.js';
import { assertRangeBounds } from '../../storage/bar-store.js';
import { keys } from '../../storage/keys.js';
import type { SymbolKeyId } from '../dataset.js';
import type { NewsArticle, StoredArticle } from './news-article.js';
import type { NewsStore } from './news-store.js';

/**
 * In-process {@link NewsStore} with the Redis adapter's semantics: articles keyed like the Redis
 * keys (symbols case-insensitive), the stored article of an id kept, those published before the
 * retention dropped, articles of one publish time read the last added first.
 */
export class MemoryNewsStore implements NewsStore {
  private readonly articles = new Map<string, Map<string, StoredArticle>>();

  async add(id: SymbolKeyId, articles: NewsArticle[], keepFrom: number): Promise<number> {
    const key = keys.news(id);
    const stored = this.articles.get(key) ?? new Map<string, StoredArticle>();
    let added = 0;
    for (const article of articles) {
      if (article.published_at < keepFrom || stored.has(article.id)) continue;
      stored.set(article.id, sourced(structuredClone(article)));
      added++;
    }
    for (const [articleId, article] of stored) if (article.published_at < keepFrom) stored.delete(articleId);
    if (stored.size > 0) this.articles.set(key, stored);
    else this.articles.delete(key);
    return added;
  }

  async range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<StoredArticle[]> {
    assertRangeBounds(from, to);
    const found = [...(this.articles.get(keys.news(id))?.values() ?? [])].filter((article) => article.published_at >= (from ?? -Infinity) && article.published_at <= (to ?? Infinity));
    // The map is in the order of adding; the sort is stable.
    return found.reverse().sort((a, b) => b.published_at - a.published_at).slice(0, limit).map((article) => structuredClone(article));
  }
}

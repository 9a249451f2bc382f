import type { Redis } from 'ioredis';
import { assertRangeBounds } from '../../storage/bar-store.js';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import type { SymbolKeyId } from '../dataset.js';
import type { NewsArticle, StoredArticle } from './news-article.js';
import { blockStart, decodeLine, encodeLine, storedId } from './news-article-codec.js';
import type { NewsStore } from './news-store.js';
import { ADD_ARTICLES, RANGE_ARTICLES } from './news-scripts.js';

const bound = (time: number | undefined) => (time === undefined ? '' : String(time));

/**
 * {@link NewsStore} on Redis: a ZSET of day blocks of articles beside a SET of their ids, each
 * written and read by one script (the layout is described with the scripts in news-scripts.ts).
 */
export class RedisNewsStore implements NewsStore {
  private readonly addArticles: ScriptCall<number>;
  private readonly rangeArticles: ScriptCall<string[]>;

  constructor(client: Redis) {
    this.addArticles = defineScript(client, 'addNewsArticles', ADD_ARTICLES);
    this.rangeArticles = defineScript(client, 'rangeNewsArticles', RANGE_ARTICLES);
  }

  async add(id: SymbolKeyId, articles: NewsArticle[], keepFrom: number): Promise<number> {
    const args = articles
      .filter((article) => article.published_at >= keepFrom)
      .flatMap((article) => [String(blockStart(article.published_at)), storedId(article.id), encodeLine(article)]);
    return redisCall(() => this.addArticles([keys.news(id), keys.newsIds(id)], [String(keepFrom), ...args]));
  }

  async range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<StoredArticle[]> {
    assertRangeBounds(from, to);
    const blocks = [from === undefined ? '-inf' : String(blockStart(from)), to === undefined ? '+inf' : String(to)];
    const reply = await redisCall(() => this.rangeArticles([keys.news(id)], [...blocks, bound(from), bound(to), String(limit ?? 0)]));
    const articles: StoredArticle[] = [];
    for (let i = 0; i < reply.length; i += 2) articles.push(decodeLine(reply[i + 1], Number(reply[i])));
    return articles;
  }
}

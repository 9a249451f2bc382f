import type { Redis } from 'ioredis';
import { assertRangeBounds } from '../../storage/bar-store.js';
import { keys } from '../../storage/keys.js';
import { redisCall } from '../../storage/redis/redis-call.js';
import { defineScript, type ScriptCall } from '../../storage/redis/redis-script.js';
import type { SymbolKeyId } from '../dataset.js';
import type { NewsArticle } from './news-article.js';
import { decodeArticle, encodeArticle, storedId } from './news-article-codec.js';
import type { NewsStore } from './news-store.js';
import { ADD_ARTICLES } from './news-scripts.js';

/**
 * {@link NewsStore} on Redis: a ZSET of articles scored by publish time, each member the article
 * (news-article-codec.ts), beside a SET of their ids (the layout is described with the script).
 */
export class RedisNewsStore implements NewsStore {
  private readonly addArticles: ScriptCall<number>;

  constructor(private readonly client: Redis) {
    this.addArticles = defineScript(client, 'addNewsArticles', ADD_ARTICLES);
  }

  async add(id: SymbolKeyId, articles: NewsArticle[], keepFrom: number): Promise<number> {
    const args = articles.filter((article) => article.published_at >= keepFrom).flatMap((article) => [String(article.published_at), storedId(article.id), encodeArticle(article)]);
    return redisCall(() => this.addArticles([keys.news(id), keys.newsIds(id)], [String(keepFrom), ...args]));
  }

  async range(id: SymbolKeyId, from?: number, to?: number, limit?: number): Promise<NewsArticle[]> {
    assertRangeBounds(from, to);
    const bounds = [to ?? '+inf', from ?? '-inf', 'WITHSCORES'] as const;
    const key = keys.news(id);
    const reply = await redisCall(() => (limit === undefined ? this.client.zrevrangebyscore(key, ...bounds) : this.client.zrevrangebyscore(key, ...bounds, 'LIMIT', 0, limit)));
    const articles: NewsArticle[] = [];
    for (let i = 0; i < reply.length; i += 2) articles.push(decodeArticle(reply[i], Number(reply[i + 1])));
    return articles;
  }
}

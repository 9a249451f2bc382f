import type { Redis } from 'ioredis';
import type { WebhookDelivery, WebhookEndpoint } from '../../notifications/webhooks/webhook.js';
import { DELIVERIES_KEPT, DELIVERY_TTL_SECONDS, type WebhookStore } from '../../notifications/webhooks/webhook-store.js';
import { keys } from '../keys.js';
import { redisCall, redisTransaction } from './redis-call.js';
import { defineScript } from './redis-script.js';

// Takes the due ids and pushes each one's score to the end of its visibility in the same step, so
// that of several replicas claiming at once each delivery goes to one. A delivery whose record
// expired is dropped from the queue. KEYS: queue; ARGV: now, visible until, limit, delivery key prefix.
const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local found = {}
for _, id in ipairs(ids) do
  local delivery = redis.call('GET', ARGV[4] .. id)
  if delivery then
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    found[#found + 1] = delivery
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return found
`;

const parse = <T>(raw: string | null): T | null => (raw === null ? null : (JSON.parse(raw) as T));

/** {@link WebhookStore} on Redis: a JSON key per endpoint and delivery, a capped list per endpoint, one ZSET queue. */
export class RedisWebhookStore implements WebhookStore {
  private readonly claim;

  constructor(private readonly client: Redis) {
    this.claim = defineScript<string[]>(client, 'claimDueDeliveries', CLAIM_DUE);
  }

  async saveEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await redisTransaction(this.client.multi().set(keys.webhook(endpoint.id), JSON.stringify(endpoint)).sadd(keys.webhookIndex, endpoint.id));
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint | null> {
    return parse(await redisCall(() => this.client.get(keys.webhook(id))));
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    const ids = await redisCall(() => this.client.smembers(keys.webhookIndex));
    if (ids.length === 0) return [];
    const raws = await redisCall(() => this.client.mget(ids.map(keys.webhook)));
    return raws.map((raw) => parse<WebhookEndpoint>(raw)).filter((endpoint) => endpoint !== null);
  }

  async deleteEndpoint(id: string): Promise<boolean> {
    const [deleted] = await redisTransaction(this.client.multi().del(keys.webhook(id)).srem(keys.webhookIndex, id).del(keys.webhookDeliveries(id)));
    return deleted === 1;
  }

  async enqueue(deliveries: readonly WebhookDelivery[], dueMs: number): Promise<void> {
    if (deliveries.length === 0) return;
    const multi = this.client.multi();
    for (const delivery of deliveries) {
      multi.set(keys.webhookDelivery(delivery.delivery_id), JSON.stringify(delivery), 'EX', DELIVERY_TTL_SECONDS);
      multi.lpush(keys.webhookDeliveries(delivery.endpoint_id), delivery.delivery_id).ltrim(keys.webhookDeliveries(delivery.endpoint_id), 0, DELIVERIES_KEPT - 1);
      multi.zadd(keys.webhookQueue, dueMs, delivery.delivery_id);
    }
    await redisTransaction(multi);
  }

  async claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<WebhookDelivery[]> {
    const prefix = `${this.client.options.keyPrefix ?? ''}${keys.webhookDelivery('')}`;
    const raws = await redisCall(() => this.claim([keys.webhookQueue], [nowMs, nowMs + visibilityMs, limit, prefix]));
    return raws.map((raw) => JSON.parse(raw) as WebhookDelivery);
  }

  async nextDueMs(): Promise<number | null> {
    const [, score] = await redisCall(() => this.client.zrange(keys.webhookQueue, '0', '0', 'WITHSCORES'));
    return score === undefined ? null : Number(score);
  }

  async settle(delivery: WebhookDelivery, nextDueMs: number | null): Promise<void> {
    const multi = this.client.multi().set(keys.webhookDelivery(delivery.delivery_id), JSON.stringify(delivery), 'EX', DELIVERY_TTL_SECONDS);
    await redisTransaction(nextDueMs === null ? multi.zrem(keys.webhookQueue, delivery.delivery_id) : multi.zadd(keys.webhookQueue, nextDueMs, delivery.delivery_id));
  }

  async getDelivery(id: string): Promise<WebhookDelivery | null> {
    return parse(await redisCall(() => this.client.get(keys.webhookDelivery(id))));
  }

  async listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const ids = await redisCall(() => this.client.lrange(keys.webhookDeliveries(endpointId), 0, Math.min(limit, DELIVERIES_KEPT) - 1));
    if (ids.length === 0) return [];
    const raws = await redisCall(() => this.client.mget(ids.map(keys.webhookDelivery)));
    return raws.map((raw) => parse<WebhookDelivery>(raw)).filter((delivery) => delivery !== null);
  }
}

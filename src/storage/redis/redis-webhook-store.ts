import type { Redis } from 'ioredis';
import type { WebhookDelivery, WebhookEndpoint } from '../../notifications/webhooks/webhook.js';
import { DELIVERIES_KEPT, DELIVERY_TTL_SECONDS, type WebhookStore } from '../../notifications/webhooks/webhook-store.js';
import { keys } from '../keys.js';
import { redisCall, redisTransaction } from './redis-call.js';
import { CLAIM_DUE } from './claim-due.script.js';
import { defineScript } from './redis-script.js';

// A delivery already stored (a run's follow-up made again after its replica died) is left as it
// is: queued once, listed once. KEYS: queue, then each delivery's key and its endpoint's list;
// ARGV: due, TTL, kept per list, then each delivery's id and JSON.
const ENQUEUE = `
for i = 2, #KEYS, 2 do
  local n = i + 2
  if redis.call('SET', KEYS[i], ARGV[n + 1], 'EX', ARGV[2], 'NX') then
    redis.call('LPUSH', KEYS[i + 1], ARGV[n])
    redis.call('LTRIM', KEYS[i + 1], 0, tonumber(ARGV[3]) - 1)
    redis.call('ZADD', KEYS[1], ARGV[1], ARGV[n])
  end
end
`;

const parse = <T>(raw: string | null): T | null => (raw === null ? null : (JSON.parse(raw) as T));

/** {@link WebhookStore} on Redis: a JSON key per endpoint and delivery, a capped list per endpoint, one ZSET queue. */
export class RedisWebhookStore implements WebhookStore {
  private readonly claim;
  private readonly enqueueScript;

  constructor(private readonly client: Redis) {
    this.claim = defineScript<string[]>(client, 'claimDue', CLAIM_DUE);
    this.enqueueScript = defineScript<null>(client, 'enqueueDeliveries', ENQUEUE);
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
    const scriptKeys = [keys.webhookQueue, ...deliveries.flatMap((delivery) => [keys.webhookDelivery(delivery.delivery_id), keys.webhookDeliveries(delivery.endpoint_id)])];
    const args = [dueMs, DELIVERY_TTL_SECONDS, DELIVERIES_KEPT, ...deliveries.flatMap((delivery) => [delivery.delivery_id, JSON.stringify(delivery)])];
    await redisCall(() => this.enqueueScript(scriptKeys, args));
  }

  async claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<WebhookDelivery[]> {
    const prefix = `${this.client.options.keyPrefix ?? ''}${keys.webhookDelivery('')}`;
    const raws = await redisCall(() => this.claim([keys.webhookQueue], [nowMs, nowMs + visibilityMs, limit, prefix]));
    return raws.filter((_, i) => i % 2 === 1).map((raw) => JSON.parse(raw) as WebhookDelivery);
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

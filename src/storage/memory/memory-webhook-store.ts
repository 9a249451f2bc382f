import type { WebhookDelivery, WebhookEndpoint } from '../../notifications/webhooks/webhook.js';
import { DELIVERIES_KEPT, type WebhookStore } from '../../notifications/webhooks/webhook-store.js';

const copy = <T>(value: T): T => structuredClone(value);

/** The single-process {@link WebhookStore}, the same contract in memory. */
export class MemoryWebhookStore implements WebhookStore {
  private readonly endpoints = new Map<string, WebhookEndpoint>();
  private readonly deliveries = new Map<string, WebhookDelivery>();
  private readonly recent = new Map<string, string[]>();
  private readonly queue = new Map<string, number>();

  async saveEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    this.endpoints.set(endpoint.id, copy(endpoint));
  }

  async getEndpoint(id: string): Promise<WebhookEndpoint | null> {
    const endpoint = this.endpoints.get(id);
    return endpoint ? copy(endpoint) : null;
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    return [...this.endpoints.values()].map(copy);
  }

  async deleteEndpoint(id: string): Promise<boolean> {
    this.recent.delete(id);
    return this.endpoints.delete(id);
  }

  async enqueue(deliveries: readonly WebhookDelivery[], dueMs: number): Promise<void> {
    for (const delivery of deliveries) {
      if (this.deliveries.has(delivery.delivery_id)) continue;
      this.deliveries.set(delivery.delivery_id, copy(delivery));
      const ids = [delivery.delivery_id, ...(this.recent.get(delivery.endpoint_id) ?? [])];
      for (const dropped of ids.splice(DELIVERIES_KEPT)) if (!this.queue.has(dropped)) this.deliveries.delete(dropped);
      this.recent.set(delivery.endpoint_id, ids);
      this.queue.set(delivery.delivery_id, dueMs);
    }
  }

  async claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<WebhookDelivery[]> {
    const due = [...this.queue].filter(([, at]) => at <= nowMs).sort((a, b) => a[1] - b[1]).slice(0, limit);
    for (const [id] of due) this.queue.set(id, nowMs + visibilityMs);
    return due.map(([id]) => copy(this.deliveries.get(id)!));
  }

  async nextDueMs(): Promise<number | null> {
    return this.queue.size === 0 ? null : Math.min(...this.queue.values());
  }

  async settle(delivery: WebhookDelivery, nextDueMs: number | null): Promise<void> {
    this.deliveries.set(delivery.delivery_id, copy(delivery));
    if (nextDueMs === null) this.queue.delete(delivery.delivery_id);
    else this.queue.set(delivery.delivery_id, nextDueMs);
  }

  async getDelivery(id: string): Promise<WebhookDelivery | null> {
    const delivery = this.deliveries.get(id);
    return delivery ? copy(delivery) : null;
  }

  async listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    return (this.recent.get(endpointId) ?? []).slice(0, limit).flatMap((id) => (this.deliveries.has(id) ? [copy(this.deliveries.get(id)!)] : []));
  }
}

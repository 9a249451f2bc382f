import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { WebhookDelivery } from './webhook.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { WEBHOOK_STORE, type WebhookStore } from './webhook-store.js';

/** What the deliveries routes do: list an endpoint's deliveries, send one again. */
@Injectable()
export class WebhookDeliveries {
  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    private readonly endpoints: WebhookEndpoints,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async list(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    await this.endpoints.get(endpointId);
    return this.store.listDeliveries(endpointId, limit);
  }

  /** Queues the delivery now, with the same webhook-id, its retry schedule from the start. */
  async redeliver(endpointId: string, deliveryId: string): Promise<void> {
    if (!/^msg_[0-9a-f-]{36}$/.test(deliveryId)) throw new BadRequestException(['delivery_id must be a delivery id such as msg_2b7c6f0e-0d0a-4b8e-9a52-3c1d2e4f5a6b']);
    await this.endpoints.get(endpointId);
    const delivery = await this.store.getDelivery(deliveryId);
    if (!delivery || delivery.endpoint_id !== endpointId) throw new NotFoundException(`Delivery ${deliveryId} of webhook ${endpointId} not found (deliveries are kept for 7 days)`);
    const now = Date.now();
    await this.store.settle({ ...delivery, status: 'pending', series_attempts: 0, next_attempt_at: new Date(now).toISOString() }, now);
    this.dispatcher.wake();
  }
}

import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SchedulerEvents } from '../../scheduler/events/scheduler-events.js';
import type { SchedulerEventType } from '../../scheduler/events/scheduler-event.js';
import type { WebhookDelivery } from './webhook.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { webhookMessageOf } from './webhook-events.js';
import { WEBHOOK_STORE, type WebhookStore } from './webhook-store.js';

/**
 * Queues a delivery per subscribed endpoint for each event that happens in this process: a run is
 * recorded by one replica, so each event is queued once, whatever the number of replicas.
 */
@Injectable()
export class WebhookNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WebhookNotifier.name);
  private stop: () => void = () => undefined;

  constructor(
    private readonly events: SchedulerEvents,
    private readonly endpoints: WebhookEndpoints,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
  ) {}

  onModuleInit(): void {
    this.stop = this.events.onLocal((type, detail) => void this.notify(type, detail));
  }

  onModuleDestroy(): void {
    this.stop();
  }

  private async notify(type: SchedulerEventType, detail: object): Promise<void> {
    const message = webhookMessageOf(type, detail);
    if (!message) return;
    try {
      const endpoints = await this.endpoints.subscribedTo(message.event, message.jobId);
      if (endpoints.length === 0) return;
      const now = new Date().toISOString();
      const body = JSON.stringify({ type: message.event, timestamp: now, data: message.data });
      const deliveries = endpoints.map((endpoint): WebhookDelivery => ({
        delivery_id: `msg_${randomUUID()}`,
        endpoint_id: endpoint.id,
        type: message.event,
        body,
        status: 'pending',
        attempts: 0,
        series_attempts: 0,
        created_at: now,
        last_attempt_at: null,
        next_attempt_at: now,
        last_status_code: null,
        last_latency_ms: null,
        last_error: null,
      }));
      await this.store.enqueue(deliveries, Date.now());
      this.dispatcher.wake();
    } catch (error) {
      this.logger.warn(`${message.event} for job ${message.jobId} not queued for webhooks: ${error instanceof Error ? error.message : String(error)}`, { job_id: message.jobId });
    }
  }
}

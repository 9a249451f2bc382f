import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pLimit from 'p-limit';
import { Webhook } from 'standardwebhooks';
import { DueLoop } from '../../scheduler/due-loop.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';
import { Mailer } from '../email/mailer.js';
import { retryDelayMs } from './retry-schedule.js';
import { EMAIL_CHANNEL, type WebhookDelivery, type WebhookEndpoint } from './webhook.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { postWebhook, type SendResult } from './webhook-sender.js';
import { WEBHOOK_STORE, type WebhookStore } from './webhook-store.js';

/** The delivery with one more attempt, made at `now`, counted in. */
function attemptedAt(delivery: WebhookDelivery, now: Date, statusCode: number | null, latencyMs: number, error: string | null): WebhookDelivery {
  return { ...delivery, attempts: delivery.attempts + 1, series_attempts: delivery.series_attempts + 1, last_attempt_at: now.toISOString(), last_status_code: statusCode, last_latency_ms: latencyMs, last_error: error };
}

/** Deliveries claimed per look at the queue, and attempted at once by one replica. */
const BATCH = 50;
const CONCURRENCY = 8;

/**
 * Attempts the due deliveries, on every replica: each claim hides a delivery from the others for
 * twice the attempt timeout, so one replica attempts it at a time, and one that dies mid-attempt
 * leaves it to another once that time is up. Outcomes: 2xx succeeded; 410 disables the endpoint;
 * anything else is retried on the schedule (or after Retry-After) until it is spent. Between looks
 * it sleeps until the earliest queued delivery is due, at most `pollIntervalMs` (for deliveries
 * another replica queues), and is woken at once by one queued here.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly limit = pLimit(CONCURRENCY);
  private readonly visibilityMs: number;
  private readonly loop = new DueLoop(() => this.tick());

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    private readonly endpoints: WebhookEndpoints,
    private readonly mailer: Mailer,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {
    this.visibilityMs = options.webhooks.timeoutMs * 2 + 1000;
  }

  onApplicationBootstrap(): void {
    this.loop.wake();
  }

  /** Looks at the queue now (a delivery was queued here). */
  wake(): void {
    this.loop.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Attempts a batch of due deliveries; answers how long to sleep before the next look. */
  private async tick(): Promise<number> {
    try {
      const due = await this.store.claimDue(Date.now(), this.visibilityMs, BATCH);
      // Each endpoint of the batch is read once, not once per delivery to it.
      const ids = [...new Set(due.map((delivery) => delivery.endpoint_id).filter((id) => id !== EMAIL_CHANNEL))];
      const endpoints = new Map(await Promise.all(ids.map(async (id) => [id, await this.store.getEndpoint(id)] as const)));
      await Promise.all(due.map((delivery) => this.limit(() => (delivery.endpoint_id === EMAIL_CHANNEL ? this.attemptMail(delivery) : this.attempt(delivery, endpoints)))));
      if (due.length === BATCH) return 0;
      const next = await this.store.nextDueMs();
      return Math.min(next === null ? Infinity : next - Date.now(), this.options.webhooks.pollIntervalMs);
    } catch (error) {
      this.logger.warn(`webhook queue: ${error instanceof Error ? error.message : String(error)}`);
      return this.options.webhooks.pollIntervalMs;
    }
  }

  /** A webhook POST, to its endpoint as the batch read it (`endpoints`, updated when a 410 disables one). */
  private async attempt(delivery: WebhookDelivery, endpoints: Map<string, WebhookEndpoint | null>): Promise<void> {
    const log = { delivery_id: delivery.delivery_id, endpoint_id: delivery.endpoint_id };
    const endpoint = endpoints.get(delivery.endpoint_id) ?? null;
    if (!endpoint || endpoint.disabled_at) {
      const why = endpoint ? 'the endpoint is disabled (it answered 410 Gone)' : 'the endpoint was deleted';
      return this.store.settle({ ...delivery, status: 'failed', last_error: why, next_attempt_at: null }, null);
    }
    const now = new Date();
    const signature = WebhookEndpoints.signingSecrets(endpoint, now.getTime()).map((secret) => new Webhook(secret).sign(delivery.delivery_id, now, delivery.body)).join(' ');
    const headers = { 'webhook-id': delivery.delivery_id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': signature };
    const result: SendResult = await postWebhook(this.endpoints.guard.parse(endpoint.url), headers, delivery.body, this.options.webhooks.timeoutMs, this.endpoints.guard.lookup);
    const attempted = attemptedAt(delivery, now, result.status, result.latencyMs, result.error ?? (result.status !== null && (result.status < 200 || result.status > 299) ? `HTTP ${result.status}` : null));
    if (result.status !== null && result.status >= 200 && result.status < 300) return this.store.settle({ ...attempted, status: 'succeeded', next_attempt_at: null }, null);
    if (result.status === 410) {
      this.logger.warn(`webhook ${endpoint.id} answered 410 Gone: disabled until it is updated`, log);
      endpoints.set(endpoint.id, await this.endpoints.disable(endpoint));
      return this.store.settle({ ...attempted, status: 'failed', next_attempt_at: null }, null);
    }
    await this.retryLater(attempted, result.retryAfterMs, `webhook delivery ${delivery.delivery_id} to ${endpoint.id}`);
  }

  /** A mail: sent through the Mailer, retried on the same schedule when the server refuses or does not answer. */
  private async attemptMail(delivery: WebhookDelivery): Promise<void> {
    if (!this.mailer.enabled) return this.store.settle({ ...delivery, status: 'failed', last_error: 'no mail server is configured (SMTP_URL)', next_attempt_at: null }, null);
    const now = new Date();
    const { error, latencyMs } = await this.mailer.send(delivery.recipients ?? [], delivery.subject ?? '', delivery.body);
    const attempted = attemptedAt(delivery, now, null, latencyMs, error);
    if (!error) return this.store.settle({ ...attempted, status: 'succeeded', next_attempt_at: null }, null);
    await this.retryLater(attempted, null, `mail ${delivery.delivery_id} to ${(delivery.recipients ?? []).join(', ')}`);
  }

  /** Queues the next attempt of a failed one on the schedule (or fails the delivery once it is spent). */
  private async retryLater(attempted: WebhookDelivery, retryAfterMs: number | null, what: string): Promise<void> {
    const delay = retryDelayMs(attempted.series_attempts, this.options.webhooks.retryScheduleMs, retryAfterMs);
    this.logger.warn(`${what} failed (${attempted.last_error}); ${delay === null ? 'no retry left' : `retry in ${Math.round(delay / 1000)} s`}`, { delivery_id: attempted.delivery_id, endpoint_id: attempted.endpoint_id });
    const next = delay === null ? null : Date.now() + delay;
    await this.store.settle({ ...attempted, status: next === null ? 'failed' : 'retrying', next_attempt_at: next === null ? null : new Date(next).toISOString() }, next);
  }
}

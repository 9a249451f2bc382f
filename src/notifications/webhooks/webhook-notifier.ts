import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SchedulerEvents } from '../../scheduler/events/scheduler-events.js';
import type { RunFinished, SchedulerEventType } from '../../scheduler/events/scheduler-event.js';
import { DEFAULT_NOTIFY_ON } from '../../scheduler/job.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';
import { runNotice } from '../email/run-notice.js';
import { EMAIL_CHANNEL, type WebhookDelivery } from './webhook.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { webhookMessageOf } from './webhook-events.js';
import { WEBHOOK_STORE, type WebhookStore } from './webhook-store.js';

/**
 * Queues a delivery per subscribed endpoint for each event that happens in this process, and a mail
 * for a run whose job asks for one (notify_email, notify_on): a run is recorded by one replica, so
 * each is queued once, whatever the number of replicas.
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
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  onModuleInit(): void {
    this.stop = this.events.onLocal((type, detail) => this.notify(type, detail));
  }

  onModuleDestroy(): void {
    this.stop();
  }

  private async notify(type: SchedulerEventType, detail: object): Promise<void> {
    const message = webhookMessageOf(type, detail);
    if (!message) return;
    try {
      const endpoints = await this.endpoints.subscribedTo(message.event, message.jobId);
      const now = new Date().toISOString();
      const body = JSON.stringify({ type: message.event, timestamp: now, data: message.data });
      const delivery = (endpointId: string, text: string): WebhookDelivery => ({
        delivery_id: `msg_${randomUUID()}`,
        endpoint_id: endpointId,
        type: message.event,
        body: text,
        status: 'pending',
        attempts: 0,
        series_attempts: 0,
        created_at: now,
        last_attempt_at: null,
        next_attempt_at: now,
        last_status_code: null,
        last_latency_ms: null,
        last_error: null,
      });
      const deliveries = endpoints.map((endpoint) => delivery(endpoint.id, body));
      const mail = type === 'run.finished' ? this.mail(detail as RunFinished) : null;
      if (mail) deliveries.push({ ...delivery(EMAIL_CHANNEL, mail.text), recipients: mail.recipients, subject: mail.subject });
      if (deliveries.length === 0) return;
      await this.store.enqueue(deliveries, Date.now());
      this.dispatcher.wake();
    } catch (error) {
      this.logger.warn(`${message.event} for job ${message.jobId} not queued for webhooks: ${error instanceof Error ? error.message : String(error)}`, { job_id: message.jobId });
    }
  }

  /** The mail a run's job asks for, if any. */
  private mail({ run, job }: RunFinished): { recipients: string[]; subject: string; text: string } | null {
    if (!this.options.email.smtpUrl) return null;
    if (!job.notify_email?.length || !(job.notify_on ?? DEFAULT_NOTIFY_ON).includes(run.status as never)) return null;
    return { recipients: job.notify_email, ...runNotice(job, run, this.options.email.dashboardUrl) };
  }
}

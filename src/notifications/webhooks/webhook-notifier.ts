import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { SchedulerEvents } from '../../scheduler/events/scheduler-events.js';
import type { SchedulerEventType } from '../../scheduler/events/scheduler-event.js';
import { FollowUps } from '../../scheduler/follow-ups/follow-ups.js';
import { runFollowUpId } from '../../storage/follow-up-queue.js';
import { DEFAULT_NOTIFY_ON, type RunRecord, type ScheduledJob } from '../../scheduler/job.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';
import { runNotice } from '../email/run-notice.js';
import { EMAIL_CHANNEL, type WebhookDelivery, type WebhookEndpoint } from './webhook.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { changeMessageOf, runMessageOf, webhookMessageOf, type WebhookMessage } from './webhook-events.js';
import { WEBHOOK_STORE, type WebhookStore } from './webhook-store.js';

interface Mail {
  recipients: string[];
  subject: string;
  text: string;
}

/**
 * A followed write's delivery to an endpoint has one id however often the write is followed, so it
 * is queued once: a name-based UUID (version 5 layout, from SHA-256) of the two, shaped like every delivery id.
 */
function derivedDeliveryId(writeId: string, endpointId: string): string {
  const hex = createHash('sha256').update(`${writeId}:${endpointId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `msg_${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Queues a delivery per subscribed endpoint for each event, and a mail for a run whose job asks for
 * one (notify_email, notify_on). A run's and a job change's are part of the write's follow-up, made
 * once it is written (again by another replica if this one dies first, under the same ids); a
 * provider outage is queued by the replica where it happened.
 */
@Injectable()
export class WebhookNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(WebhookNotifier.name);
  private stop: () => void = () => undefined;

  constructor(
    private readonly events: SchedulerEvents,
    private readonly followUps: FollowUps,
    private readonly endpoints: WebhookEndpoints,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  onModuleInit(): void {
    this.stop = this.events.onLocal((type, detail) => this.notify(type, detail));
    this.followUps.runs.add({ wants: ({ run, job }) => this.wants(run, job), follow: ({ run, job }) => this.afterRun(run, job) });
    this.followUps.changes.add({
      wants: async ({ action, job }) => (await this.subscribed(changeMessageOf(action, job))).length > 0,
      follow: ({ id, action, job }) => this.queue(changeMessageOf(action, job), (endpointId) => derivedDeliveryId(id, endpointId), null),
    });
  }

  onModuleDestroy(): void {
    this.stop();
  }

  private async notify(type: SchedulerEventType, detail: object): Promise<void> {
    const message = webhookMessageOf(type, detail);
    if (!message) return;
    try {
      await this.queue(message, () => `msg_${randomUUID()}`, null);
    } catch (error) {
      this.logger.warn(`${message.event} for job ${message.jobId} not queued for webhooks: ${error instanceof Error ? error.message : String(error)}`, { job_id: message.jobId });
    }
  }

  private async wants(run: RunRecord, job: ScheduledJob | null): Promise<boolean> {
    const message = runMessageOf(run);
    return (message !== null && (await this.subscribed(message)).length > 0) || (job !== null && this.mail(run, job) !== null);
  }

  private async afterRun(run: RunRecord, job: ScheduledJob | null): Promise<void> {
    const message = runMessageOf(run);
    if (message) await this.queue(message, (endpointId) => derivedDeliveryId(runFollowUpId(run.run_id), endpointId), job && this.mail(run, job));
  }

  private subscribed(message: WebhookMessage): Promise<WebhookEndpoint[]> {
    return this.endpoints.subscribedTo(message.event, message.jobId);
  }

  private async queue(message: WebhookMessage, idFor: (endpointId: string) => string, mail: Mail | null): Promise<void> {
    const endpoints = await this.subscribed(message);
    const now = new Date().toISOString();
    const body = JSON.stringify({ type: message.event, timestamp: now, data: message.data });
    const delivery = (endpointId: string, text: string): WebhookDelivery => ({
      delivery_id: idFor(endpointId),
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
    if (mail) deliveries.push({ ...delivery(EMAIL_CHANNEL, mail.text), recipients: mail.recipients, subject: mail.subject });
    if (deliveries.length === 0) return;
    await this.store.enqueue(deliveries, Date.now());
    this.dispatcher.wake();
  }

  /** The mail a run's job asks for, if any. */
  private mail(run: RunRecord, job: ScheduledJob): Mail | null {
    if (!this.options.email.smtpUrl) return null;
    if (!job.notify_email?.length || !(job.notify_on ?? DEFAULT_NOTIFY_ON).includes(run.status as never)) return null;
    return { recipients: job.notify_email, ...runNotice(job, run, this.options.email.dashboardUrl) };
  }
}

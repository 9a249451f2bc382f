import type { Provider } from '@nestjs/common';
import { Mailer } from '../email/mailer.js';
import { WebhookDeliveries } from './webhook-deliveries.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { WebhookNotifier } from './webhook-notifier.js';

/** Webhooks and mails: endpoints, the notifier that queues deliveries, the dispatcher (and mailer) that attempts them. */
export const webhookProviders: Provider[] = [WebhookEndpoints, WebhookDispatcher, WebhookNotifier, WebhookDeliveries, Mailer];

import type { Provider } from '@nestjs/common';
import { WebhookDeliveries } from './webhook-deliveries.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookEndpoints } from './webhook-endpoints.js';
import { WebhookNotifier } from './webhook-notifier.js';

/** Webhooks: endpoints, the notifier that queues deliveries, the dispatcher that attempts them. */
export const webhookProviders: Provider[] = [WebhookEndpoints, WebhookDispatcher, WebhookNotifier, WebhookDeliveries];

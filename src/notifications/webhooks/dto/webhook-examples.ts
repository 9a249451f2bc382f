import type { CreateWebhookDto, UpdateWebhookDto } from './webhook-request.dto.js';

// The explorer's request bodies (hooks.example.com stands for the receiver's host).
const url = 'https://hooks.example.com/stocks';

export const CREATE_WEBHOOK_EXAMPLES: Record<string, { summary: string; value: CreateWebhookDto }> = {
  failures: { summary: 'Failed and partial runs of every job', value: { url, events: ['run.failed', 'run.partial_success'], description: 'ops alerts' } },
  everything: { summary: 'Every event', value: { url, events: ['run.succeeded', 'run.partial_success', 'run.failed', 'run.skipped', 'job.created', 'job.updated', 'job.deleted', 'provider.unavailable'] } },
};

export const UPDATE_WEBHOOK_EXAMPLES: Record<string, { summary: string; value: UpdateWebhookDto }> = {
  rotate: { summary: 'Rotate the signing secret (the old one signs too for 24 h)', value: { rotate_secret: true } },
  events: { summary: 'Change the events sent', value: { events: ['run.failed'] } },
};

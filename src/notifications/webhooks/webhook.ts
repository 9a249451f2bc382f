/** What an endpoint can subscribe to. */
export const WEBHOOK_EVENTS = ['run.succeeded', 'run.partial_success', 'run.failed', 'run.skipped', 'job.created', 'job.updated', 'job.deleted', 'provider.unavailable'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  /** Only events of these jobs (run.* and job.*); null: every job. */
  job_ids: string[] | null;
  description: string | null;
  /** `whsec_…`: signs every delivery; shown only when created or rotated. */
  secret: string;
  /** After a rotation, the secret before it also signs until `previous_secret_expires_at`. */
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  /** Set when the receiver answered 410 Gone: nothing more is sent until the endpoint is updated. */
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed';

/** The id under which mails are queued and listed, beside the webhook endpoints' ids. */
export const EMAIL_CHANNEL = 'email';

/** One notification to send: a webhook POST, or (with `recipients`) a mail, queued and retried alike. */
export interface WebhookDelivery {
  /** The `webhook-id` header, the same on every attempt: the receiver's idempotency key. */
  delivery_id: string;
  /** The webhook endpoint, or {@link EMAIL_CHANNEL} for a mail. */
  endpoint_id: string;
  /** A mail's addresses and subject (its text is `body`). */
  recipients?: string[];
  subject?: string;
  type: WebhookEvent;
  /** The JSON body sent: `{type, timestamp, data}`. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  /** Attempts since it was queued or last redelivered: where the retry schedule stands. */
  series_attempts: number;
  created_at: string;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_latency_ms: number | null;
  last_error: string | null;
}

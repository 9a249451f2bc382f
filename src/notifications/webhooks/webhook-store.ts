import type { WebhookDelivery, WebhookEndpoint } from './webhook.js';

/**
 * Endpoints, deliveries and the queue of attempts that are due. A claimed delivery is invisible to
 * other claims for `visibilityMs`: if its replica dies mid-attempt, another claims it after that.
 */
export interface WebhookStore {
  saveEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  getEndpoint(id: string): Promise<WebhookEndpoint | null>;
  listEndpoints(): Promise<WebhookEndpoint[]>;
  /** Deletes the endpoint; its queued deliveries are dropped when claimed. */
  deleteEndpoint(id: string): Promise<boolean>;
  /** Stores the deliveries and queues each to be attempted at `dueMs`; one whose id is stored already is left as it is. */
  enqueue(deliveries: readonly WebhookDelivery[], dueMs: number): Promise<void>;
  /** Up to `limit` deliveries due at `nowMs`, each hidden from other claims until `nowMs + visibilityMs`. */
  claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<WebhookDelivery[]>;
  /** When the earliest queued delivery is due (or its claim ends), epoch ms; null when the queue is empty. */
  nextDueMs(): Promise<number | null>;
  /** Stores what an attempt did: queued again at `nextDueMs`, or out of the queue when null. */
  settle(delivery: WebhookDelivery, nextDueMs: number | null): Promise<void>;
  getDelivery(id: string): Promise<WebhookDelivery | null>;
  /** The endpoint's newest deliveries first, up to {@link DELIVERIES_KEPT}. */
  listDeliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]>;
}

/** Deliveries listed per endpoint; each is kept for {@link DELIVERY_TTL_SECONDS} after its last change. */
export const DELIVERIES_KEPT = 100;
export const DELIVERY_TTL_SECONDS = 7 * 24 * 3600;

export const WEBHOOK_STORE = Symbol('WEBHOOK_STORE');

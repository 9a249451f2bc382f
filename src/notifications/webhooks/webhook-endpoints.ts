import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook-request.dto.js';
import { UrlGuard, WebhookUrlError } from './url-guard.js';
import type { WebhookEndpoint, WebhookEvent } from './webhook.js';
import { WEBHOOK_STORE, type WebhookStore } from './webhook-store.js';

/** After a rotation the old secret signs too, for a day, so receivers can switch without a gap. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;
/** How stale the endpoints behind the notifier may be: a change through another replica reaches it within this. */
const CACHE_MS = 2000;

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** Webhook endpoints: saved with their URL checked by the SSRF guard, secrets made and rotated. */
@Injectable()
export class WebhookEndpoints {
  readonly guard: UrlGuard;
  private cache: { at: number; endpoints: Promise<WebhookEndpoint[]> } | null = null;

  constructor(
    @Inject(WEBHOOK_STORE) private readonly store: WebhookStore,
    @Inject(RESOLVED_OPTIONS) options: ResolvedSchedulerOptions,
  ) {
    this.guard = new UrlGuard(options.webhooks.allowHosts, options.webhooks.resolve);
  }

  async create(dto: CreateWebhookDto): Promise<WebhookEndpoint> {
    await this.checkUrl(dto.url);
    const now = new Date().toISOString();
    const endpoint: WebhookEndpoint = {
      id: randomUUID(),
      url: dto.url,
      events: [...new Set(dto.events)],
      job_ids: dto.job_ids ?? null,
      description: dto.description ?? null,
      secret: newSecret(),
      previous_secret: null,
      previous_secret_expires_at: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.save(endpoint);
    return endpoint;
  }

  async get(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.store.getEndpoint(id);
    if (!endpoint) throw new NotFoundException(`Webhook ${id} not found`);
    return endpoint;
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.store.listEndpoints();
  }

  /** Changes what is sent; an update also re-enables an endpoint disabled by a 410. */
  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookEndpoint> {
    const current = await this.get(id);
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    const now = Date.now();
    const rotation = dto.rotate_secret && { secret: newSecret(), previous_secret: current.secret, previous_secret_expires_at: new Date(now + ROTATION_OVERLAP_MS).toISOString() };
    const updated: WebhookEndpoint = {
      ...current,
      ...(dto.url !== undefined && { url: dto.url }),
      ...(dto.events !== undefined && { events: [...new Set(dto.events)] }),
      ...(dto.job_ids !== undefined && { job_ids: dto.job_ids }),
      ...(dto.description !== undefined && { description: dto.description }),
      ...rotation,
      disabled_at: null,
      updated_at: new Date(now).toISOString(),
    };
    await this.save(updated);
    return updated;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.deleteEndpoint(id))) throw new NotFoundException(`Webhook ${id} not found`);
    this.cache = null;
  }

  /** The endpoints an event of `jobId` goes to. */
  async subscribedTo(event: WebhookEvent, jobId: string | null): Promise<WebhookEndpoint[]> {
    if (!this.cache || Date.now() - this.cache.at > CACHE_MS) this.cache = { at: Date.now(), endpoints: this.store.listEndpoints() };
    const endpoints = await this.cache.endpoints.catch((error: unknown) => ((this.cache = null), Promise.reject(error)));
    return endpoints.filter((endpoint) => !endpoint.disabled_at && endpoint.events.includes(event) && (endpoint.job_ids === null || (jobId !== null && endpoint.job_ids.includes(jobId))));
  }

  /** The secrets that sign a delivery now: the current one, and the one before it during its overlap. */
  static signingSecrets(endpoint: WebhookEndpoint, nowMs: number): string[] {
    const previous = endpoint.previous_secret && Date.parse(endpoint.previous_secret_expires_at ?? '') > nowMs ? [endpoint.previous_secret] : [];
    return [endpoint.secret, ...previous];
  }

  /** Marks the endpoint disabled (a 410); answers it as saved. */
  async disable(endpoint: WebhookEndpoint): Promise<WebhookEndpoint> {
    const disabled = { ...endpoint, disabled_at: new Date().toISOString() };
    await this.save(disabled);
    return disabled;
  }

  private async save(endpoint: WebhookEndpoint): Promise<void> {
    await this.store.saveEndpoint(endpoint);
    this.cache = null;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await this.guard.check(url);
    } catch (error) {
      if (error instanceof WebhookUrlError) throw new BadRequestException([error.message]);
      throw error;
    }
  }
}

import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../scheduler/scheduler-options.js';
import { AUDIT_LOG, type AuditLog } from './audit-log.js';
import { BAR_STORE, type BarStore } from './bar-store.js';
import { MemoryAuditLog } from './memory/memory-audit-log.js';
import { RedisAuditLog } from './redis/redis-audit-log.js';
import { COORDINATOR, type Coordinator } from './coordinator.js';
import { MemoryCoordinator } from './memory/memory-coordinator.js';
import { RedisCoordinator } from './redis/redis-coordinator.js';
import { WEBHOOK_STORE, type WebhookStore } from '../notifications/webhooks/webhook-store.js';
import { EVENT_LOG, type EventLog } from './event-log.js';
import { FOLLOW_UP_QUEUE, type FollowUpQueue } from './follow-up-queue.js';
import { RedisFollowUpQueue } from './redis/redis-follow-up-queue.js';
import { JOB_STORE, type JobStore } from './job-store.js';
import { MemoryEventLog } from './memory/memory-event-log.js';
import { MemoryMembershipStore } from './memory/memory-membership-store.js';
import { MEMBERSHIP_STORE, type MembershipStore } from './membership-store.js';
import { RedisMembershipStore } from './redis/redis-membership-store.js';
import { MemoryWebhookStore } from './memory/memory-webhook-store.js';
import { RedisEventLog } from './redis/redis-event-log.js';
import { RedisWebhookStore } from './redis/redis-webhook-store.js';
import { MemoryBarStore } from './memory/memory-bar-store.js';
import { MemoryJobStore } from './memory/memory-job-store.js';
import { closeRedis, connectRedis, createRedisClient, describeTarget } from './redis/create-redis-client.js';
import { RedisBarStore } from './redis/redis-bar-store.js';
import { RedisJobStore } from './redis/redis-job-store.js';

/** The Redis client the stores share, or null on the in-process store; closes what it opened. */
export class StoreConnection implements OnApplicationShutdown {
  constructor(
    readonly client: Redis | null,
    private readonly owned: boolean,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.owned) await closeRedis(this.client);
  }
}

async function connect(options: ResolvedSchedulerOptions): Promise<StoreConnection> {
  const logger = new Logger('Storage');
  if (options.redisClient) return new StoreConnection(options.redisClient, false);
  const target = options.redisSentinel ?? options.redisUrl;
  if (!target) {
    logger.warn('No REDIS_URL: running on the in-process memory store; nothing survives a restart');
    return new StoreConnection(null, false);
  }
  const client = createRedisClient(target, options.keyPrefix);
  await connectRedis(client);
  logger.log(`Using Redis at ${describeTarget(client)}`);
  return new StoreConnection(client, true);
}

/** A store token backed by Redis when there is a client, else by the in-process adapter. */
export function perStore<T>(provide: symbol, onRedis: (client: Redis) => T, inProcess: () => T): Provider {
  return { provide, inject: [StoreConnection], useFactory: ({ client }: StoreConnection) => (client ? onRedis(client) : inProcess()) };
}

export const storeProviders: Provider[] = [
  { provide: StoreConnection, inject: [RESOLVED_OPTIONS], useFactory: connect },
  perStore<JobStore>(JOB_STORE, (client) => new RedisJobStore(client), () => new MemoryJobStore()),
  perStore<BarStore>(BAR_STORE, (client) => new RedisBarStore(client), () => new MemoryBarStore()),
  perStore<AuditLog>(AUDIT_LOG, (client) => new RedisAuditLog(client), () => new MemoryAuditLog()),
  perStore<EventLog>(EVENT_LOG, (client) => new RedisEventLog(client), () => new MemoryEventLog()),
  perStore<MembershipStore>(MEMBERSHIP_STORE, (client) => new RedisMembershipStore(client), () => new MemoryMembershipStore()),
  perStore<WebhookStore>(WEBHOOK_STORE, (client) => new RedisWebhookStore(client), () => new MemoryWebhookStore()),
  {
    provide: FOLLOW_UP_QUEUE,
    inject: [StoreConnection, JOB_STORE],
    useFactory: ({ client }: StoreConnection, jobs: JobStore): FollowUpQueue => (client ? new RedisFollowUpQueue(client) : (jobs as MemoryJobStore).followUps),
  },
  {
    provide: COORDINATOR,
    inject: [StoreConnection, JOB_STORE],
    useFactory: ({ client }: StoreConnection, jobs: JobStore): Coordinator =>
      client ? new RedisCoordinator(client) : new MemoryCoordinator((jobId) => (jobs as MemoryJobStore).has(jobId)),
  },
];

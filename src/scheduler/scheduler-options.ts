import type { Redis } from 'ioredis';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import { resolveProviders, type ProvidersOptions, type ResolvedProviders } from '../market-data/chain/providers-options.js';
import { DEFAULT_RETRY_SCHEDULE_MS } from '../notifications/webhooks/retry-schedule.js';
import { resolveWithDns, type ResolveHost } from '../notifications/webhooks/url-guard.js';

/** A Sentinel group that names the Redis master, and the credentials of both. */
export interface RedisSentinelOptions {
  /** The sentinels to ask (any one that answers will do). */
  sentinels: { host: string; port: number }[];
  /** The master name the sentinels monitor. */
  name: string;
  username?: string;
  /** The password of the master and its replicas. */
  password?: string;
  /** The password of the sentinels, when they have one. */
  sentinelPassword?: string;
}

/** Options of {@link SchedulerModule}; every field is optional and defaults as documented. */
export interface SchedulerModuleOptions {
  /** Redis connection URL. Unset (and no `redisClient`): the in-process store, lost on restart. */
  redisUrl?: string | null;
  /** A Redis master found through Sentinel, instead of `redisUrl`. */
  redisSentinel?: RedisSentinelOptions | null;
  /** A connected ioredis client owned by the host app; preferred over `redisUrl`, never closed by us. */
  redisClient?: Redis;
  /** Prepended to every Redis key (default ""). */
  keyPrefix?: string;
  /** Zone of jobs that name none (default: the host's zone). */
  timezone?: string;
  /** Runs in progress at once across all jobs (default 4). */
  maxConcurrentRuns?: number;
  /** Symbols fetched at once inside one run (default 4). */
  fetchConcurrency?: number;
  /** Run records kept per job (default 100). */
  runHistoryLimit?: number;
  /** TTL of the optional window snapshot keys (default 7 days). */
  snapshotTtlSeconds?: number;
  /** How long a deleted job's audit trail stays readable (default 90 days). */
  auditRetentionDays?: number;
  /** Register the stored active jobs when the app boots (default true). */
  autoStart?: boolean;
  /** How long a run's lease lasts without renewal; a replica that dies frees its jobs after this (default 30 000 ms). */
  leaseTtlMs?: number;
  /** How often each replica re-reads every job as a safety net for a missed change message (default 15 000 ms). */
  reconcileIntervalMs?: number;
  /**
   * How often each replica tells the others it is alive (default 1000 ms); one that misses three
   * beats is gone, and its jobs are armed by the others.
   */
  heartbeatIntervalMs?: number;
  /** On shutdown, how long runs in progress may take to finish before they are recorded as interrupted (default 30 000 ms). */
  shutdownGraceMs?: number;
  yahoo?: {
    /** Send every Yahoo request to this origin instead (mirror, recorded responses, tests). */
    baseUrl?: string | null;
    /** Per-request timeout (default 10 000 ms). */
    timeoutMs?: number;
    /** Requests started per second at most, shared by every run (default 2). */
    maxRps?: number;
    /** Retries of a transient failure (network, timeout, 5xx, 429) per symbol (default 3). */
    retries?: number;
    /** First retry delay; it doubles per retry, with jitter (default 500 ms). */
    retryMinDelayMs?: number;
    /** Custom fetch for the yahoo-finance2 client. */
    fetch?: typeof fetch;
  };
  /** Replaces the built-in Yahoo provider (the chain's `yahoo`). */
  provider?: MarketDataProvider;
  /** More providers after Yahoo: a symbol one of them cannot serve is asked of the next. */
  providers?: ProvidersOptions;
  email?: {
    /** The mail server, e.g. `smtps://user:password@smtp.example.com:465`; unset: jobs cannot set notify_email. */
    smtpUrl?: string | null;
    /** The From of every mail (default `stock-data-scheduler@localhost`). */
    from?: string;
    /** Where the dashboard is, for the link in each mail (default none). */
    dashboardUrl?: string | null;
  };
  webhooks?: {
    /** Hosts (names or addresses) webhooks may reach although they resolve to loopback, private or link-local addresses. */
    allowHosts?: string[];
    /** The wait before each retry of a failed delivery (default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
    retryScheduleMs?: number[];
    /** Per attempt (default 10 000 ms). */
    timeoutMs?: number;
    /** The longest a replica waits between looks at the queue, for deliveries other replicas queue (default 30 000 ms). */
    pollIntervalMs?: number;
    /** Resolves host names (default: the system's resolver). */
    resolve?: ResolveHost;
  };
}

export interface ResolvedSchedulerOptions {
  redisUrl: string | null;
  redisSentinel: RedisSentinelOptions | null;
  redisClient: Redis | null;
  keyPrefix: string;
  timezone: string;
  maxConcurrentRuns: number;
  fetchConcurrency: number;
  runHistoryLimit: number;
  snapshotTtlSeconds: number;
  auditRetentionDays: number;
  autoStart: boolean;
  leaseTtlMs: number;
  reconcileIntervalMs: number;
  heartbeatIntervalMs: number;
  shutdownGraceMs: number;
  yahoo: {
    baseUrl: string | null;
    timeoutMs: number;
    maxRps: number;
    retries: number;
    retryMinDelayMs: number;
    fetch: typeof fetch | null;
  };
  provider: MarketDataProvider | null;
  providers: ResolvedProviders;
  email: { smtpUrl: string | null; from: string; dashboardUrl: string | null };
  webhooks: { allowHosts: string[]; retryScheduleMs: number[]; timeoutMs: number; pollIntervalMs: number; resolve: ResolveHost };
}

export const RESOLVED_OPTIONS = Symbol('RESOLVED_SCHEDULER_OPTIONS');

/** The one place where options meet their defaults. */
export function resolveOptions(options: SchedulerModuleOptions = {}): ResolvedSchedulerOptions {
  return {
    redisUrl: options.redisUrl ?? null,
    redisSentinel: options.redisSentinel ?? null,
    redisClient: options.redisClient ?? null,
    keyPrefix: options.keyPrefix ?? '',
    timezone: options.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    maxConcurrentRuns: options.maxConcurrentRuns ?? 4,
    fetchConcurrency: options.fetchConcurrency ?? 4,
    runHistoryLimit: options.runHistoryLimit ?? 100,
    snapshotTtlSeconds: options.snapshotTtlSeconds ?? 7 * 24 * 3600,
    auditRetentionDays: options.auditRetentionDays ?? 90,
    autoStart: options.autoStart ?? true,
    leaseTtlMs: options.leaseTtlMs ?? 30_000,
    reconcileIntervalMs: options.reconcileIntervalMs ?? 15_000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
    shutdownGraceMs: options.shutdownGraceMs ?? 30_000,
    yahoo: {
      baseUrl: options.yahoo?.baseUrl ?? null,
      timeoutMs: options.yahoo?.timeoutMs ?? 10_000,
      maxRps: options.yahoo?.maxRps ?? 2,
      retries: options.yahoo?.retries ?? 3,
      retryMinDelayMs: options.yahoo?.retryMinDelayMs ?? 500,
      fetch: options.yahoo?.fetch ?? null,
    },
    provider: options.provider ?? null,
    providers: resolveProviders(options.providers),
    email: {
      smtpUrl: options.email?.smtpUrl ?? null,
      from: options.email?.from ?? 'stock-data-scheduler@localhost',
      dashboardUrl: options.email?.dashboardUrl ?? null,
    },
    webhooks: {
      allowHosts: options.webhooks?.allowHosts ?? [],
      retryScheduleMs: options.webhooks?.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
      timeoutMs: options.webhooks?.timeoutMs ?? 10_000,
      pollIntervalMs: options.webhooks?.pollIntervalMs ?? 30_000,
      resolve: options.webhooks?.resolve ?? resolveWithDns,
    },
  };
}

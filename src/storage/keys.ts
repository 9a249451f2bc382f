import type { SymbolKeyId } from '../datasets/dataset.js';
import type { SeriesId } from '../market-data/bar.js';
import type { ActionsId, SnapshotId } from './bar-store.js';

/**
 * Every key the service writes (before KEY_PREFIX, which the Redis client prepends). Inputs are
 * validated upstream (symbols `[A-Z0-9.^=-]`, prefixes `[A-Za-z0-9_-]`), so no user value can form
 * a key outside these patterns.
 */
export const keys = {
  job: (jobId: string) => `scheduler:job:${jobId}`,
  jobIndex: 'scheduler:jobs',
  runs: (jobId: string) => `scheduler:runs:${jobId}`,
  /** The record of the job's run in progress, written when it starts, removed when it is recorded. */
  currentRun: (jobId: string) => `scheduler:current-run:${jobId}`,
  /** Who changed the job, when, and how; kept for the audit retention after the job is deleted. */
  audit: (jobId: string) => `scheduler:audit:${jobId}`,
  /** The latest occurrence of the job that some replica claimed (epoch ms). */
  claim: (jobId: string) => `scheduler:claim:${jobId}`,
  /** Held by the replica running the job, renewed while the run lasts. */
  lease: (jobId: string) => `scheduler:lease:${jobId}`,
  /** Taken by the replica that starts a chained run: one per upstream run and dependant. */
  chainClaim: (upstreamRunId: string, jobId: string) => `scheduler:chain:${upstreamRunId}:${jobId}`,
  /** Taken by the replica that retries a run's failed symbols: one retry per run. */
  retryClaim: (runId: string) => `scheduler:retry:${runId}`,
  /** Pub/sub channel of job changes (channels do not get ioredis' keyPrefix: the caller adds it). */
  changes: 'scheduler:changes',
  /** The stream of scheduler events every replica appends to and reads (GET /scheduler/events). */
  events: 'scheduler:events',
  /** A webhook endpoint as JSON, and the set of every endpoint id. */
  webhook: (id: string) => `scheduler:webhook:${id}`,
  webhookIndex: 'scheduler:webhooks',
  /** One delivery (its body, status and attempts) as JSON, expiring a week after its last change. */
  webhookDelivery: (id: string) => `scheduler:webhook-delivery:${id}`,
  /** The newest delivery ids of an endpoint, newest first, capped. */
  webhookDeliveries: (endpointId: string) => `scheduler:webhook-deliveries:${endpointId}`,
  /** Delivery ids by when their next attempt is due (epoch ms); a claim pushes the score forward. */
  webhookQueue: 'scheduler:webhook-queue',
  /** What a store write set off and is not done yet (FollowUpQueue): one JSON per entry, ids by when due. */
  followUp: (id: string) => `scheduler:follow-up:${id}`,
  followUps: 'scheduler:follow-ups',
  /** The live replicas: ids by when their last heartbeat runs out (epoch ms, Redis's clock), and their infos as JSON. */
  replicas: 'scheduler:replicas',
  replicaInfo: 'scheduler:replica-info',
  /** Present while the whole scheduler is paused. */
  paused: 'scheduler:paused',
  series: ({ prefix, symbol, interval }: SeriesId) => `${prefix}:${symbol.toUpperCase()}:${interval}`,
  /** From when on (epoch ms) the series holds every bar the provider has, up to its newest one. */
  coveredFrom: (series: SeriesId) => `${keys.series(series)}:covered`,
  /** Splits and dividends of a symbol, whatever the bar interval. */
  actions: ({ prefix, symbol }: ActionsId) => `${prefix}:${symbol.toUpperCase()}:actions`,
  snapshot: ({ prefix, symbol, start_date, end_date }: SnapshotId) =>
    `${prefix}:${symbol.toUpperCase()}:${start_date}:${end_date}`,
  /** The quote time series of a symbol (stock_quotes). */
  quotes: ({ prefix, symbol }: SymbolKeyId) => `${prefix}:${symbol.toUpperCase()}:quotes`,
  /** The options snapshots of a symbol, one per fetch and expiration (options_chain). */
  options: ({ prefix, symbol }: SymbolKeyId) => `${prefix}:${symbol.toUpperCase()}:options`,
  /** The latest company profile of a symbol and the history of its changed fields (company_info). */
  profile: ({ prefix, symbol }: SymbolKeyId) => `${prefix}:${symbol.toUpperCase()}:profile`,
  /** A symbol's quarters by quarter end and its next earnings dates (earnings_data). */
  earnings: ({ prefix, symbol }: SymbolKeyId) => `${prefix}:${symbol.toUpperCase()}:earnings`,
  /** The articles of a symbol by publish time (news_data). */
  news: ({ prefix, symbol }: SymbolKeyId) => `${prefix}:${symbol.toUpperCase()}:news`,
  /** The ids of the articles in {@link keys.news}, which de-duplicate them. */
  newsIds: (id: SymbolKeyId) => `${keys.news(id)}:ids`,
  /** The releases of an economic calendar by id (economic_events), under the job's prefix alone. */
  economicEvents: (prefix: string) => `${prefix}:economic_events`,
  /** The ids of {@link keys.economicEvents} by release time. */
  economicEventTimes: (prefix: string) => `${prefix}:economic_events:by_time`,
};

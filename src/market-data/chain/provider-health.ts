import { Injectable } from '@nestjs/common';
import { CircuitState, type CircuitBreakerPolicy } from 'cockatiel';
import { SchedulerMetrics } from '../../metrics/scheduler-metrics.js';
import { SchedulerEvents } from '../../scheduler/events/scheduler-events.js';
import type { ProviderQuota } from './provider-quota.js';

/** How long a provider may keep failing, after a success, before it counts as degraded. */
const FAILURE_TOLERANCE_MS = 3_600_000;

export type ProviderState = 'ok' | 'degraded' | 'open' | 'misconfigured';

export interface ProviderReport {
  provider: string;
  status: ProviderState;
  /** Seconds since a request to it last succeeded in this replica; null if none yet. */
  last_successful_fetch_age_seconds: number | null;
  /** Requests counted against its daily quota (all replicas); null without one. */
  quota_used_today: number | null;
  message?: string;
}

interface Tracked {
  breaker: CircuitBreakerPolicy | null;
  quota: ProviderQuota | null;
}

/** What /health says of each provider of the chain, in priority order. */
@Injectable()
export class ProviderHealth {
  private readonly tracked = new Map<string, Tracked>();
  private outOfService: () => ReadonlyMap<string, string> = () => new Map();

  constructor(
    private readonly metrics: SchedulerMetrics,
    private readonly events: SchedulerEvents,
  ) {}

  track(provider: string, parts: Tracked): void {
    this.tracked.set(provider, parts);
    parts.breaker?.onBreak(() => this.unavailable(provider, `${provider} is skipped after repeated faults (circuit open)`));
  }

  /** A provider this replica stopped asking (its breaker opened, or it refused the key): a provider.unavailable event. */
  unavailable(provider: string, reason: string): void {
    this.events.emit('provider.unavailable', { provider, reason, at: new Date().toISOString() });
  }

  /** Where the chain keeps the providers it took out (a refused key). */
  watchOutOfService(read: () => ReadonlyMap<string, string>): void {
    this.outOfService = read;
  }

  get providers(): string[] {
    return [...this.tracked.keys()];
  }

  async report(now = Date.now()): Promise<ProviderReport[]> {
    return Promise.all(
      [...this.tracked].map(async ([provider, { breaker, quota }]) => {
        const { lastSuccess, lastFailure } = this.metrics.fetchHistoryOf(provider);
        const age = lastSuccess === null ? null : Math.round((now - lastSuccess) / 1000);
        const base = { provider, last_successful_fetch_age_seconds: age, quota_used_today: quota ? await quota.usedToday().catch(() => null) : null };
        const refused = this.outOfService().get(provider);
        if (refused) return { ...base, status: 'misconfigured' as const, message: `${provider} refused the credentials: ${refused}` };
        if (breaker && breaker.state !== CircuitState.Closed) return { ...base, status: 'open' as const, message: `${provider} is skipped after repeated faults (circuit open)` };
        if (lastFailure !== null && (lastSuccess ?? 0) < lastFailure && now - (lastSuccess ?? 0) > FAILURE_TOLERANCE_MS) {
          const message = lastSuccess ? `${provider} requests have failed since ${new Date(lastSuccess).toISOString()}` : `no ${provider} request has succeeded yet; the latest failed`;
          return { ...base, status: 'degraded' as const, message };
        }
        return { ...base, status: 'ok' as const };
      }),
    );
  }
}

import { Logger } from '@nestjs/common';
import { CircuitState } from 'cockatiel';
import type { Redis } from 'ioredis';
import type { SchedulerMetrics } from '../../metrics/scheduler-metrics.js';
import type { ResolvedSchedulerOptions } from '../../scheduler/scheduler-options.js';
import type { MarketDataProvider } from '../market-data-provider.js';
import { ResilientProvider, type ResilienceOptions } from '../retry/resilient-provider.js';
import { YahooMarketDataProvider } from '../yahoo/yahoo-market-data.provider.js';
import { providerBreaker, ProviderGuard } from './provider-breaker.js';
import type { ProviderCatalog } from './provider-catalog.js';
import type { ProviderHealth } from './provider-health.js';
import { ProviderChain, type ChainLink } from './provider-chain.js';
import type { ProviderName } from './provider-names.js';
import { ProviderQuota } from './provider-quota.js';
import { vendorProvider } from './vendor-provider.js';

// Keyed vendors are held to their quotas; this only keeps a burst from leaving all at once.
const VENDOR_MAX_RPS = 5;

function retryLogger(provider: ProviderName): ResilienceOptions['onRetry'] {
  const logger = new Logger('MarketData');
  return ({ request, attempt, error, delayMs }) => {
    const fields: Record<string, string> = { ...request.logContext, symbol: request.symbol ?? request.symbols?.join(',') ?? '', provider };
    const who = fields.job_id ? `job ${fields.job_id} run ${fields.run_id} symbol ${fields.symbol}` : `symbol ${fields.symbol}`;
    // Debug, like the symbol's outcome: the run's summary line is where failures show at info level.
    logger.debug(`${who}: ${provider} attempt ${attempt} failed (${error.name}: ${error.message}); retrying in ${delayMs} ms`, fields);
  };
}

export interface ChainParts {
  metrics: SchedulerMetrics;
  health: ProviderHealth;
  catalog: ProviderCatalog;
}

/** The provider every run uses: the chain's providers, each behind its rate limit, retries, quota and (in a chain of several) breaker. */
export function buildProviderChain(options: ResolvedSchedulerOptions, { metrics, health, catalog }: ChainParts, client: Redis | null): MarketDataProvider {
  const { chain, vendors, breaker } = options.providers;
  const links: ChainLink[] = chain.map((name) => {
    const quota = name === 'yahoo' ? null : new ProviderQuota(name, vendors[name]!, client);
    const inner =
      name !== 'yahoo'
        ? vendorProvider(name, vendors[name]!, quota!)
        : (options.provider ??
          new YahooMarketDataProvider({
            baseUrl: options.yahoo.baseUrl,
            timeoutMs: options.yahoo.timeoutMs,
            fetch: options.yahoo.fetch ?? undefined,
            // Our own limits bound the requests in flight; the library's queue must not cap them lower.
            concurrency: options.fetchConcurrency * options.maxConcurrentRuns,
          }));
    const guard = chain.length > 1 ? new ProviderGuard(name, providerBreaker(breaker), breaker.faults) : null;
    guard?.policy.onStateChange((state) => metrics.recordBreaker(name, state !== CircuitState.Closed));
    if (quota) metrics.watchQuota(name, () => quota.usedToday());
    health.track(name, { breaker: guard?.policy ?? null, quota });
    const provider = new ResilientProvider(inner, {
      maxRps: name === 'yahoo' ? options.yahoo.maxRps : VENDOR_MAX_RPS,
      retries: options.yahoo.retries,
      minDelayMs: options.yahoo.retryMinDelayMs,
      onAttempt: (outcome) => metrics.recordRequest(outcome, name),
      onRetry: retryLogger(name),
      ...(guard && { breaker: guard }),
    });
    catalog.add(name, provider);
    return { name, provider };
  });
  const providerChain = new ProviderChain(links, (provider, reason) => health.unavailable(provider, reason));
  health.watchOutOfService(() => providerChain.outOfService());
  return providerChain;
}

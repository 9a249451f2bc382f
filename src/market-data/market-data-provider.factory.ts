import { Logger, type Provider } from '@nestjs/common';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../scheduler/scheduler-options.js';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { MARKET_DATA_PROVIDER } from './market-data-provider.js';
import { ResilientProvider } from './retry/resilient-provider.js';
import { YahooMarketDataProvider } from './yahoo/yahoo-market-data.provider.js';

/** The provider every run uses: Yahoo (or the host's own), behind one rate limit and retries. */
export const marketDataProvider: Provider = {
  provide: MARKET_DATA_PROVIDER,
  inject: [RESOLVED_OPTIONS, SchedulerMetrics],
  useFactory: ({ provider, yahoo, fetchConcurrency, maxConcurrentRuns }: ResolvedSchedulerOptions, metrics: SchedulerMetrics) => {
    const logger = new Logger('MarketData');
    const inner =
      provider ??
      new YahooMarketDataProvider({
        baseUrl: yahoo.baseUrl,
        timeoutMs: yahoo.timeoutMs,
        fetch: yahoo.fetch ?? undefined,
        // Our own limits bound the requests in flight; the library's queue must not cap them lower.
        concurrency: fetchConcurrency * maxConcurrentRuns,
      });
    return new ResilientProvider(inner, {
      maxRps: yahoo.maxRps,
      retries: yahoo.retries,
      minDelayMs: yahoo.retryMinDelayMs,
      onAttempt: (outcome) => metrics.recordRequest(outcome),
      onRetry: ({ request, attempt, error, delayMs }) => {
        metrics.recordRetry(error.name);
        const fields: Record<string, string> = { ...request.logContext, symbol: request.symbol ?? request.symbols?.join(',') ?? '' };
        const who = fields.job_id ? `job ${fields.job_id} run ${fields.run_id} symbol ${fields.symbol}` : `symbol ${fields.symbol}`;
        // Debug, like the symbol's outcome: the run's summary line is where failures show at info level.
        logger.debug(`${who}: attempt ${attempt} failed (${error.name}: ${error.message}); retrying in ${delayMs} ms`, fields);
      },
    });
  },
};

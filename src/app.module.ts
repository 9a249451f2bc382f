import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/environment.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { HealthModule } from './health/health.module.js';
import { MarketDataModule } from './market-data/market-data.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { SchedulerModule } from './scheduler/scheduler.module.js';
import { SecurityModule } from './security/security.module.js';

/** The standalone service: one host of SchedulerModule, plus the market-data read API, health and metrics. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SchedulerModule.forRoot({
          redisUrl: config.redisUrl,
          redisSentinel: config.redisSentinel,
          keyPrefix: config.keyPrefix,
          timezone: config.timezone,
          maxConcurrentRuns: config.maxConcurrentRuns,
          fetchConcurrency: config.fetchConcurrency,
          shutdownGraceMs: config.shutdownGraceMs,
          leaseTtlMs: config.leaseTtlMs,
          reconcileIntervalMs: config.reconcileIntervalMs,
          heartbeatIntervalMs: config.heartbeatIntervalMs,
          auditRetentionDays: config.auditRetentionDays,
          yahoo: { baseUrl: config.yahooBaseUrl, maxRps: config.yahooMaxRps },
          providers: config.providers,
          webhooks: config.webhooks,
          email: config.email,
        }),
        MarketDataModule,
        HealthModule,
        MetricsModule,
        SecurityModule.register(config.apiKey),
        ...(config.uiEnabled ? [DashboardModule] : []),
      ],
    };
  }
}

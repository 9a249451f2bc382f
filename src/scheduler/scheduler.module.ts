import { Module, type Provider } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { datasetExports, datasetProviders } from '../datasets/datasets.js';
import { SharedRequests } from '../datasets/single-flight.js';
import { DatasetRegistry } from '../datasets/dataset-registry.js';
import { DATASET_HANDLERS } from '../datasets/dataset-handler.js';
import { MARKET_DATA_PROVIDER } from '../market-data/market-data-provider.js';
import { marketDataProvider } from '../market-data/market-data-provider.factory.js';
import { ProviderCatalog } from '../market-data/chain/provider-catalog.js';
import { ProviderHealth } from '../market-data/chain/provider-health.js';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { webhookProviders } from '../notifications/webhooks/webhook.providers.js';
import { WebhooksController } from '../notifications/webhooks/webhooks.controller.js';
import { AUDIT_LOG } from '../storage/audit-log.js';
import { BAR_STORE } from '../storage/bar-store.js';
import { COORDINATOR } from '../storage/coordinator.js';
import { JOB_STORE } from '../storage/job-store.js';
import { StoreConnection, storeProviders } from '../storage/store.providers.js';
import { ChainTrigger } from './chain/chain-trigger.js';
import { JobChains } from './chain/job-chains.js';
import { RunRetrier } from './chain/run-retrier.js';
import { CronRegistry } from './cron-registry.js';
import { EventsController } from './events/events.controller.js';
import { FollowUps } from './follow-ups/follow-ups.js';
import { SchedulerEvents } from './events/scheduler-events.js';
import { JobAuditor } from './job-auditor.js';
import { JobExecutor } from './job-executor.js';
import { JobManager } from './job-manager.js';
import { JobRegistry } from './job-registry.js';
import { JobReconciler } from './job-reconciler.js';
import { JobScheduler } from './job-scheduler.js';
import { JobsController } from './jobs.controller.js';
import { RunRecorder } from './run-recorder.js';
import { SCHEDULER_MODULE_OPTIONS, SchedulerConfigurableModule } from './scheduler.module-definition.js';
import { SchedulerController } from './scheduler.controller.js';
import { ReplicaMembership } from './sharding/replica-membership.js';
import { RESOLVED_OPTIONS, resolveOptions } from './scheduler-options.js';

const providers: Provider[] = [
  { provide: RESOLVED_OPTIONS, inject: [SCHEDULER_MODULE_OPTIONS], useFactory: resolveOptions },
  SchedulerMetrics,
  ProviderHealth,
  ProviderCatalog,
  marketDataProvider,
  ...storeProviders,
  ...datasetProviders,
  DatasetRegistry,
  CronRegistry,
  SchedulerEvents,
  JobRegistry,
  RunRecorder,
  ReplicaMembership,
  JobExecutor,
  JobScheduler,
  JobReconciler,
  JobAuditor,
  JobChains,
  JobManager,
  FollowUps,
  ChainTrigger,
  RunRetrier,
  ...webhookProviders,
];

/**
 * The embeddable scheduler: jobs, their CronJobs, runs, storage and the /scheduler REST routes.
 * `SchedulerModule.forRoot(options)` or `forRootAsync({ useFactory, inject })`; global, so a host's
 * modules (and MarketDataModule) can inject what it exports.
 */
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController, SchedulerController, EventsController, WebhooksController],
  providers,
  exports: [RESOLVED_OPTIONS, MARKET_DATA_PROVIDER, SharedRequests, DATASET_HANDLERS, JOB_STORE, BAR_STORE, COORDINATOR, AUDIT_LOG, SchedulerMetrics, ProviderHealth, StoreConnection, SchedulerEvents, JobRegistry, JobExecutor, JobScheduler, JobManager, ...datasetExports],
})
export class SchedulerModule extends SchedulerConfigurableModule {}

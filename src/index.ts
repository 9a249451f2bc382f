/** Public API of the embeddable module. */
export { SchedulerModule } from './scheduler/scheduler.module.js';
export type { SchedulerModuleOptions } from './scheduler/scheduler-options.js';
export { MarketDataModule } from './market-data/market-data.module.js';
export { JobManager } from './scheduler/job-manager.js';
export { JobRegistry } from './scheduler/job-registry.js';
export { JobScheduler } from './scheduler/job-scheduler.js';
export { JobExecutor } from './scheduler/job-executor.js';
export { CRON_NAME_PREFIX } from './scheduler/cron-registry.js';
export type { ScheduledJob, RunRecord, JobStatus, RunStatus } from './scheduler/job.js';
export type { Bar, SeriesId } from './market-data/bar.js';
export { MARKET_DATA_PROVIDER, type MarketDataProvider, type BarRequest } from './market-data/market-data-provider.js';
export * from './market-data/provider-errors.js';
export { BAR_STORE, type BarStore } from './storage/bar-store.js';
export { JOB_STORE, type JobStore } from './storage/job-store.js';
export { handleUncaughtError } from './uncaught-error.handler.js';

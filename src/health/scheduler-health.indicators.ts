import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { JobScheduler } from '../scheduler/job-scheduler.js';
import { JOB_STORE, type JobStore } from '../storage/job-store.js';

/** How long Yahoo may keep failing, after a success, before health says degraded. */
const FETCH_FAILURE_TOLERANCE_MS = 3_600_000;

/** Terminus indicators behind GET /health: the store, the scheduler, and Yahoo. */
@Injectable()
export class SchedulerHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(JOB_STORE) private readonly store: JobStore,
    private readonly scheduler: JobScheduler,
    private readonly metrics: SchedulerMetrics,
  ) {}

  async storeReachable() {
    const check = this.health.check('store');
    try {
      await this.store.ping();
      if (await this.store.outOfMemory()) {
        return check.degraded({ message: 'store out of memory: Redis refuses writes (maxmemory reached); delete jobs or raise maxmemory' });
      }
      return check.up();
    } catch (error) {
      return check.down({ message: `store unreachable: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  schedulerRunning() {
    const check = this.health.check('scheduler');
    return this.scheduler.isRunning
      ? check.up({ registered_jobs: this.scheduler.registeredCount })
      : check.degraded({ message: 'scheduler is paused (POST /scheduler/start resumes it)' });
  }

  yahooFetching() {
    const check = this.health.check('yahoo');
    const { lastSuccess, lastFailure } = this.metrics.fetchHistory;
    const age = lastSuccess === null ? null : Math.round((Date.now() - lastSuccess) / 1000);
    const failing = lastFailure !== null && (lastSuccess ?? 0) < lastFailure;
    if (failing && Date.now() - (lastSuccess ?? 0) > FETCH_FAILURE_TOLERANCE_MS) {
      const message = lastSuccess ? `Yahoo requests have failed since ${new Date(lastSuccess).toISOString()}` : 'no Yahoo request has succeeded yet; the latest failed';
      return check.degraded({ message, last_successful_fetch_age_seconds: age });
    }
    return check.up({ last_successful_fetch_age_seconds: age });
  }
}

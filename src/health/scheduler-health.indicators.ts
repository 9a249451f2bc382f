import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProviderHealth } from '../market-data/chain/provider-health.js';
import { JobScheduler } from '../scheduler/job-scheduler.js';
import { JOB_STORE, type JobStore } from '../storage/job-store.js';

/** Terminus indicators behind GET /health: the store, the scheduler, and the market-data providers. */
@Injectable()
export class SchedulerHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(JOB_STORE) private readonly store: JobStore,
    private readonly scheduler: JobScheduler,
    private readonly providers: ProviderHealth,
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

  /**
   * One provider (Yahoo, or a host's own): degraded when its requests have failed for an hour. Several:
   * degraded when the first is not ok (another serves) or one refuses its key, down only when none
   * can serve (each open or refusing its key).
   */
  async providersServing() {
    const reports = await this.providers.report();
    const [first] = reports;
    const age = { last_successful_fetch_age_seconds: first.last_successful_fetch_age_seconds };
    if (reports.length === 1) {
      const check = this.health.check(first.provider);
      return first.status === 'ok' ? check.up(age) : check.degraded({ message: first.message, ...age });
    }
    const check = this.health.check('providers');
    const details = { ...age, providers: reports };
    const serving = reports.filter((report) => report.status === 'ok' || report.status === 'degraded');
    if (serving.length === 0) return check.down({ message: `no provider can serve: ${reports.map((r) => r.message).join('; ')}`, ...details });
    const troubled = reports.filter((report) => report.status !== 'ok');
    // A refused key needs a person whichever provider it is; anything else matters when it is the first.
    if (first.status !== 'ok' || troubled.some((report) => report.status === 'misconfigured')) {
      return check.degraded({ message: `${troubled.map((r) => r.message).join('; ')}; ${serving[0].provider} serves`, ...details });
    }
    return check.up(details);
  }
}

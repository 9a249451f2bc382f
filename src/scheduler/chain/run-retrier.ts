import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { COORDINATOR, type Coordinator } from '../../storage/coordinator.js';
import { keys } from '../../storage/keys.js';
import type { RunFinished } from '../events/scheduler-event.js';
import { SchedulerEvents } from '../events/scheduler-events.js';
import type { RunRecord } from '../job.js';
import { JobExecutor } from '../job-executor.js';
import { JobRegistry } from '../job-registry.js';
import { JobScheduler } from '../job-scheduler.js';

/**
 * Runs the failed symbols of a failed or partial run again `run_retry.delay_seconds` after it ended
 * (trigger `retry`, `upstream_run_id` the run retried, `retry_attempt` counted from 1), up to
 * `run_retry.attempts` times, unless the job's next occurrence comes first: that run fetches every
 * symbol anyway. The wait is a timer of the replica that recorded the run (claimed once in the
 * store); a retry still waiting when that replica stops is not made.
 */
@Injectable()
export class RunRetrier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RunRetrier.name);
  private readonly waiting = new Set<NodeJS.Timeout>();
  private stop: () => void = () => undefined;

  constructor(
    private readonly events: SchedulerEvents,
    private readonly registry: JobRegistry,
    private readonly scheduler: JobScheduler,
    private readonly executor: JobExecutor,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
  ) {}

  onModuleInit(): void {
    this.stop = this.events.onLocal((type, detail) => (type === 'run.finished' ? this.consider(detail as RunFinished) : undefined));
  }

  onApplicationShutdown(): void {
    this.stop();
    for (const timer of this.waiting) clearTimeout(timer);
    this.waiting.clear();
  }

  private consider({ run, job }: RunFinished): void {
    if ((run.status !== 'failed' && run.status !== 'partial_success') || run.failed_stocks.length === 0) return;
    const attempt = (run.trigger === 'retry' ? (run.retry_attempt ?? 0) : 0) + 1;
    if (!job.run_retry || !job.is_active || attempt > job.run_retry.attempts) return;
    const at = Date.now() + job.run_retry.delay_seconds * 1000;
    const next = this.scheduler.nextRuns(job, 1)[0];
    if (next && next.getTime() <= at) return; // the next occurrence comes first and fetches every symbol
    const original = run.trigger === 'retry' ? run.upstream_run_id! : run.run_id;
    const timer = setTimeout(() => {
      this.waiting.delete(timer);
      void this.retry(job.job_id, run, original, attempt);
    }, job.run_retry.delay_seconds * 1000);
    this.waiting.add(timer);
  }

  private async retry(jobId: string, run: RunRecord, original: string, attempt: number): Promise<void> {
    const log = { job_id: jobId, run_id: run.run_id };
    try {
      if (!this.scheduler.isRunning || !(await this.coordinator.claimOnce(keys.retryClaim(run.run_id), 24 * 3600 * 1000))) return;
      const job = await this.registry.get(jobId);
      if (!job?.is_active) return;
      const started = await this.executor.start(job, 'retry', null, undefined, { upstreamRunId: original, symbols: run.failed_stocks, retryAttempt: attempt });
      if (started.ok) this.logger.log(`job ${jobId}: retry ${attempt} (run ${started.run.runId}) of the ${run.failed_stocks.length} symbols run ${run.run_id} failed`, log);
      else this.logger.warn(`job ${jobId}: retry ${attempt} of run ${run.run_id} not started: ${started.reason}`, log);
    } catch (error) {
      this.logger.warn(`job ${jobId}: retry of run ${run.run_id} failed to start: ${error instanceof Error ? error.message : String(error)}`, log);
    }
  }
}

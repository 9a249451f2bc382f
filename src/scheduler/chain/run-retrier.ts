import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { COORDINATOR, type Coordinator } from '../../storage/coordinator.js';
import { keys } from '../../storage/keys.js';
import { FollowUps } from '../follow-ups/follow-ups.js';
import type { RunRecord, ScheduledJob } from '../job.js';
import { JobExecutor } from '../job-executor.js';
import { JobRegistry } from '../job-registry.js';
import { JobScheduler } from '../job-scheduler.js';

/** A retry waiting in the follow-up queue for its time. */
interface RetryDue {
  kind: 'retry';
  job_id: string;
  /** The run whose failed symbols are retried, and the run first retried (the same for a first retry). */
  run_id: string;
  original_run_id: string;
  symbols: string[];
  attempt: number;
}

/**
 * Runs the failed symbols of a failed or partial run again `run_retry.delay_seconds` after it ended
 * (trigger `retry`, `upstream_run_id` the run first retried, `retry_attempt` counted from 1), up to
 * `run_retry.attempts` times, unless the job's next occurrence comes first: that run fetches every
 * symbol anyway. The wait is an entry of the follow-up queue, so a retry is made by whichever
 * replica is up when it is due, and once (claimed by the run's id).
 */
@Injectable()
export class RunRetrier implements OnModuleInit {
  private readonly logger = new Logger(RunRetrier.name);

  constructor(
    private readonly followUps: FollowUps,
    private readonly registry: JobRegistry,
    private readonly scheduler: JobScheduler,
    private readonly executor: JobExecutor,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
  ) {}

  onModuleInit(): void {
    this.followUps.runs.add({ wants: ({ run, job }) => this.attemptAfter(run, job) !== null, follow: ({ run, job }) => this.consider(run, job) });
    this.followUps.handle<RetryDue>('retry', (due) => this.retry(due));
  }

  /** The retry attempt that would follow `run` of `job`, or null when none would. */
  private attemptAfter(run: RunRecord, job: ScheduledJob | null): number | null {
    if ((run.status !== 'failed' && run.status !== 'partial_success') || run.failed_stocks.length === 0) return null;
    const attempt = (run.trigger === 'retry' ? (run.retry_attempt ?? 0) : 0) + 1;
    return job?.run_retry && job.is_active && attempt <= job.run_retry.attempts ? attempt : null;
  }

  private async consider(run: RunRecord, job: ScheduledJob | null): Promise<void> {
    const attempt = this.attemptAfter(run, job);
    if (attempt === null || !job?.run_retry) return;
    const at = Date.parse(run.end_time) + job.run_retry.delay_seconds * 1000;
    const next = this.scheduler.nextRuns(job, 1)[0];
    if (next && next.getTime() <= at) return; // the next occurrence comes first and fetches every symbol
    const original = run.trigger === 'retry' ? run.upstream_run_id! : run.run_id;
    const due: RetryDue = { kind: 'retry', job_id: job.job_id, run_id: run.run_id, original_run_id: original, symbols: run.failed_stocks, attempt };
    await this.followUps.add(`retry:${run.run_id}`, due, at);
  }

  private async retry({ job_id: jobId, run_id: runId, original_run_id: original, symbols, attempt }: RetryDue): Promise<void> {
    const log = { job_id: jobId, run_id: runId };
    if (!this.scheduler.isRunning || !(await this.coordinator.claimOnce(keys.retryClaim(runId), 24 * 3600 * 1000))) return;
    const job = await this.registry.get(jobId);
    if (!job?.is_active) return;
    const started = await this.executor.start(job, 'retry', null, undefined, { upstreamRunId: original, symbols, retryAttempt: attempt });
    if (started.ok) this.logger.log(`job ${jobId}: retry ${attempt} (run ${started.run.runId}) of the ${symbols.length} symbols run ${runId} failed`, log);
    else this.logger.warn(`job ${jobId}: retry ${attempt} of run ${runId} not started: ${started.reason}`, log);
  }
}

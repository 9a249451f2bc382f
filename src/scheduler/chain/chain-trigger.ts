import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { COORDINATOR, type Coordinator } from '../../storage/coordinator.js';
import { keys } from '../../storage/keys.js';
import { FollowUps } from '../follow-ups/follow-ups.js';
import { DEFAULT_RUN_AFTER_ON, type RunAfterOn, type RunRecord, type RunStatus } from '../job.js';
import { JobExecutor } from '../job-executor.js';
import { JobScheduler } from '../job-scheduler.js';
import { RunRecorder } from '../run-recorder.js';

/** How long the claim of a chained run is kept: far longer than any replica takes to see the run's end. */
const CLAIM_TTL_MS = 24 * 3600 * 1000;

/** Whether an upstream run that ended with `status` starts a dependant that runs after it `on` that. */
export function startsDependants(on: RunAfterOn, status: RunStatus): boolean {
  if (on === 'success') return status === 'success';
  if (on === 'completed') return status === 'success' || status === 'partial_success';
  return status === 'success' || status === 'partial_success' || status === 'failed';
}

/**
 * Starts the dependants of a recorded run (trigger `chain`, `upstream_run_id` in their records), as
 * part of the run's follow-up: made once it is recorded, and again by another replica if the one
 * that recorded it dies first. Each chained run is claimed in the store by the upstream run's id,
 * so a dependant runs once per upstream run, however many replicas run or follow it.
 */
@Injectable()
export class ChainTrigger implements OnModuleInit {
  private readonly logger = new Logger(ChainTrigger.name);

  constructor(
    private readonly followUps: FollowUps,
    private readonly scheduler: JobScheduler,
    private readonly executor: JobExecutor,
    private readonly recorder: RunRecorder,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
  ) {}

  onModuleInit(): void {
    this.followUps.runs.add({
      wants: ({ run }) => this.scheduler.dependantsOf(run.job_id).some((job) => startsDependants(job.run_after_on ?? DEFAULT_RUN_AFTER_ON, run.status)),
      follow: ({ run }) => this.after(run),
    });
  }

  private async after(upstream: RunRecord): Promise<void> {
    if (!this.scheduler.isRunning) return; // a paused scheduler starts nothing
    for (const job of this.scheduler.dependantsOf(upstream.job_id)) {
      if (!startsDependants(job.run_after_on ?? DEFAULT_RUN_AFTER_ON, upstream.status)) continue;
      const log = { job_id: job.job_id, upstream_run_id: upstream.run_id };
      // A cycle is refused when run_after is saved; two updates racing could still store one, and it must not loop.
      if (this.scheduler.runsAfter(upstream.job_id, job.job_id)) {
        this.logger.warn(`job ${job.job_id}: not run after job ${upstream.job_id}, which itself runs after it (a cycle in run_after)`, log);
        continue;
      }
      // A claim the store refuses throws: the follow-up is made again later.
      if (!(await this.coordinator.claimOnce(keys.chainClaim(upstream.run_id, job.job_id), CLAIM_TTL_MS))) continue;
      try {
        const started = await this.executor.start(job, 'chain', null, undefined, { upstreamRunId: upstream.run_id });
        if (started.ok) this.logger.log(`job ${job.job_id}: run ${started.run.runId} after run ${upstream.run_id} of job ${upstream.job_id}`, log);
        else await this.recorder.skipped(job, 'chain', null, `after run ${upstream.run_id} of job ${upstream.job_id}: ${started.reason}`, {});
      } catch (error) {
        this.logger.warn(`job ${job.job_id}: the run after run ${upstream.run_id} did not start: ${error instanceof Error ? error.message : String(error)}`, log);
      }
    }
  }
}

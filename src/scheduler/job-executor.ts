import { runSubjects } from '../datasets/dataset-rules.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import PQueue from 'p-queue';
import { DatasetRegistry } from '../datasets/dataset-registry.js';
import type { RunRecord, RunTrigger, ScheduledJob } from './job.js';
import { COORDINATOR, type Coordinator } from '../storage/coordinator.js';
import { JobRegistry } from './job-registry.js';
import { newRunRecord, withOutcomes } from './run-record.js';
import { RunProgressWriter } from './run-progress-writer.js';
import { RunRecorder } from './run-recorder.js';
import { ReplicaMembership } from './sharding/replica-membership.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

export interface StartedRun {
  runId: string;
  /**
   * Settles once the run's `running` record is stored, so that it can be read; at once when the
   * run waits for a free slot (it is stored when it starts). Never rejects.
   */
  visible: Promise<void>;
  /** Settles when the run is recorded; never rejects. */
  done: Promise<RunRecord | null>;
}

export type StartResult = { ok: true; run: StartedRun } | { ok: false; reason: string };

/** What a run started by another run is: after which run (chain, retry), of which symbols (retry), which retry. */
export interface FollowUp {
  upstreamRunId: string;
  symbols?: string[];
  retryAttempt?: number;
}

interface InFlight {
  job: ScheduledJob;
  runId: string;
  trigger: RunTrigger;
  scheduledFor: Date | null;
  startTime: string | null;
  /** When it was queued for a slot (epoch ms). */
  queuedAt: number;
  /** The run that started it (a chained run, or the run a retry is of). */
  followUp?: FollowUp;
  interrupted: boolean;
  renewal?: NodeJS.Timeout;
  progress?: RunProgressWriter;
  /** Called once the `running` record is stored, or the run ends without one. */
  stored: () => void;
  done: Promise<RunRecord | null>;
}

/**
 * One run = fetch + validate + store for every symbol of a job. A failing symbol never stops the
 * others, a failing run never throws into the scheduler, and a run cut short by shutdown is recorded.
 */
@Injectable()
export class JobExecutor {
  private readonly logger = new Logger(JobExecutor.name);
  private readonly inFlight = new Map<string, InFlight>();
  /** The run slots: higher priority first, first come first served within one priority. */
  private readonly runSlots: PQueue;
  private accepting = true;

  constructor(
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
    private readonly registry: JobRegistry,
    private readonly recorder: RunRecorder,
    private readonly datasets: DatasetRegistry,
    private readonly membership: ReplicaMembership,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {
    this.runSlots = new PQueue({ concurrency: options.maxConcurrentRuns });
  }

  get runningCount(): number {
    return this.inFlight.size;
  }

  isRunning(jobId: string): boolean {
    return this.inFlight.has(jobId);
  }

  /**
   * Queues a run unless one of this job is queued or running here or on another replica (its lease
   * is held), or the executor is draining: never two runs of one job at once. The lease is renewed
   * while the run waits and runs. `nextRun` is stored with the running status.
   */
  async start(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date | null, nextRun?: Date | null, followUp?: FollowUp): Promise<StartResult> {
    const refused = this.refusal(job.job_id);
    if (refused) return { ok: false, reason: refused };
    const run = this.track(job, randomUUID(), trigger, scheduledFor);
    if (followUp) run.followUp = followUp;
    const lease = this.coordinator.acquireLease(job.job_id, run.runId, this.options.leaseTtlMs);
    // A drain that begins while the lease is being taken waits for this decision.
    run.done = lease.then(
      () => null,
      () => null,
    );
    const leased = await lease.catch((error: unknown) => {
      this.inFlight.delete(job.job_id);
      throw error;
    });
    if (leased) return this.launch(run, nextRun);
    this.inFlight.delete(job.job_id);
    return { ok: false, reason: 'a run of this job is in progress on another replica' };
  }

  /**
   * {@link start} for a caller that has taken the job's lease itself, as owner `runId` (the
   * scheduler takes it with the occurrence claim). A refused run gives the lease back.
   */
  startLeased(job: ScheduledJob, trigger: RunTrigger, scheduledFor: Date | null, nextRun: Date | null, runId: string): StartResult {
    const refused = this.refusal(job.job_id);
    if (!refused) return this.launch(this.track(job, runId, trigger, scheduledFor), nextRun);
    void this.coordinator.releaseLease(job.job_id, runId).catch(() => undefined);
    return { ok: false, reason: refused };
  }

  /** Refuses new runs, gives the ones in progress `graceMs` to finish, then records the rest as interrupted. */
  async drain(graceMs: number): Promise<void> {
    this.accepting = false;
    if (this.inFlight.size === 0) return;
    this.logger.log(`Waiting up to ${graceMs} ms for ${this.inFlight.size} run(s) to finish`);
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
    // Re-read after each wait: a run still taking its lease when the drain began is in flight only now.
    while (this.inFlight.size > 0) {
      const over = await Promise.race([Promise.all([...this.inFlight.values()].map((run) => run.done)).then(() => false), graceOver]);
      if (over) break;
    }
    clearTimeout(timer);
    for (const run of this.inFlight.values()) {
      run.interrupted = true;
      clearInterval(run.renewal);
      const reason = `interrupted: the service shut down before the run ended (grace ${graceMs} ms)`;
      await this.recorder.interrupted(run.job, { ...run, done: run.progress?.done, replicaId: this.membership.id }, run.startTime ?? isoInZone(Date.now(), run.job.timezone), reason).catch((error: unknown) =>
        this.logger.error(`job ${run.job.job_id} run ${run.runId}: could not record the interruption: ${String(error)}`, { job_id: run.job.job_id, run_id: run.runId }),
      );
      // Recorded as over, so nobody holds the job: a restart may run it at once, not after the lease's TTL.
      await this.coordinator.releaseLease(run.job.job_id, run.runId).catch(() => undefined);
    }
  }

  private refusal(jobId: string): string | null {
    if (!this.accepting) return 'the service is shutting down';
    return this.inFlight.has(jobId) ? 'the previous run is still in progress' : null;
  }

  private track(job: ScheduledJob, runId: string, trigger: RunTrigger, scheduledFor: Date | null): InFlight {
    const run: InFlight = { job, runId, trigger, scheduledFor, startTime: null, queuedAt: Date.now(), interrupted: false, done: Promise.resolve(null), stored: () => undefined };
    this.inFlight.set(job.job_id, run);
    return run;
  }

  /** Queues a run that holds its lease, unless a drain began meanwhile. */
  private launch(run: InFlight, nextRun: Date | null | undefined): StartResult {
    const jobId = run.job.job_id;
    if (!this.accepting) {
      this.inFlight.delete(jobId);
      void this.coordinator.releaseLease(jobId, run.runId).catch(() => undefined);
      return { ok: false, reason: 'the service is shutting down' };
    }
    const waitsForSlot = this.runSlots.pending + this.runSlots.size >= this.options.maxConcurrentRuns;
    const visible = waitsForSlot ? Promise.resolve() : new Promise<void>((resolve) => (run.stored = resolve));
    run.renewal = setInterval(() => void this.renewLease(run), Math.max(100, this.options.leaseTtlMs / 3));
    run.queuedAt = Date.now();
    run.done = this.runSlots
      .add(() => this.execute(run, nextRun), { priority: run.job.priority })
      .then((record) => record ?? null)
      .catch((error: unknown) => {
        this.logger.error(`job ${jobId} run ${run.runId}: ${String(error)}`, { job_id: jobId, run_id: run.runId });
        return null;
      })
      .finally(async () => {
        run.stored();
        clearInterval(run.renewal);
        this.inFlight.delete(jobId);
        await this.coordinator.releaseLease(jobId, run.runId).catch(() => undefined);
      });
    return { ok: true, run: { runId: run.runId, visible, done: run.done } };
  }

  private async renewLease(run: InFlight): Promise<void> {
    const kept = await this.coordinator.renewLease(run.job.job_id, run.runId, this.options.leaseTtlMs).catch(() => false);
    if (!kept) this.logger.warn(`job ${run.job.job_id} run ${run.runId}: could not renew its lease`, { job_id: run.job.job_id, run_id: run.runId });
  }

  private async execute(run: InFlight, nextRun?: Date | null): Promise<RunRecord | null> {
    const { runId, trigger, scheduledFor } = run;
    const jobId = run.job.job_id;
    const started = Date.now();
    run.startTime = isoInZone(started, run.job.timezone);
    const queuedMs = started - run.queuedAt;
    const { followUp } = run;
    const upstream = { ...(followUp && { upstream_run_id: followUp.upstreamRunId, ...(followUp.retryAttempt && { retry_attempt: followUp.retryAttempt }) }), replica_id: this.membership.id };
    // A retry fetches only the symbols that failed, of those the job still has.
    const narrowed = (job: ScheduledJob): ScheduledJob => (followUp?.symbols ? { ...job, stock_ids: job.stock_ids.filter((symbol) => followUp.symbols!.includes(symbol)) } : job);
    const running = (job: ScheduledJob): RunRecord => ({ ...newRunRecord(narrowed(job), runId, trigger, scheduledFor, run.startTime!, queuedMs), ...upstream, status: 'running' });
    const stored = await this.registry.startRun(running(run.job), {
      status: 'running',
      last_run: run.startTime,
      ...(nextRun !== undefined && { next_run: nextRun ? isoInZone(nextRun, run.job.timezone) : null }),
    });
    run.stored();
    if (!stored) return null; // deleted while queued
    const job = (run.job = narrowed(stored));
    const progress = (run.progress = new RunProgressWriter(running(job), (record) => this.registry.updateCurrentRun(record)));
    this.logger.log(`job ${jobId} run ${runId}: started (${trigger}, ${runSubjects(job).length} symbols)`, { job_id: jobId, run_id: runId });

    const asOf = trigger === 'schedule' && scheduledFor ? scheduledFor.getTime() : started;
    const logContext = (symbol: string) => ({ job_id: jobId, run_id: runId, symbol });
    const outcomes = await this.datasets.fetchAll({ job, runId, startedAt: started, asOf, logContext }, this.options.fetchConcurrency, (done) => progress.symbolsDone(done));
    progress.stop();

    const record = withOutcomes({ ...newRunRecord(job, runId, trigger, scheduledFor, run.startTime, queuedMs), ...upstream }, outcomes);
    const ended = Date.now();
    record.end_time = isoInZone(ended, job.timezone);
    record.duration_ms = ended - started;
    if (!run.interrupted) await this.recorder.finished(job, record);
    return record;
  }
}

import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SchedulerMetrics } from '../metrics/scheduler-metrics.js';
import { COORDINATOR, type Coordinator } from '../storage/coordinator.js';
import { DependantsIndex } from './chain/dependants-index.js';
import { CronRegistry } from './cron-registry.js';
import { FireBatcher } from './fire-batcher.js';
import { closedMarketReason, fireScheduleOf } from './fire-schedule.js';
import { fireTimes } from './fire-times.js';
import type { RunTrigger, ScheduledJob } from './job.js';
import { JobExecutor } from './job-executor.js';
import type { ScheduleSpec } from './job-spec.js';
import { RunRecorder } from './run-recorder.js';
import { JobShares } from './sharding/job-shares.js';
import { ReplicaMembership } from './sharding/replica-membership.js';
import { isChainOnly } from './schedule.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

/** How long a burst of new jobs gathers before it is shared out among several replicas. */
const REBALANCE_DELAY_MS = 50;
/** Heartbeats a replica keeps firing a job it gave to another live one. */
const HANDOVER_BEATS = 2;

interface Fire {
  jobId: string;
  scheduledFor: Date;
}

/** An occurrence of a job to claim and run now. */
export interface DueFire {
  job: ScheduledJob;
  trigger: RunTrigger;
  scheduledFor: Date;
}

/**
 * Keeps one CronJob per active job this replica owns and turns each fire into a run. Replicas
 * share the jobs out (ReplicaMembership, JobShares); the occurrence claim stays the safety net
 * while ownership moves, so two owners for a moment never run an occurrence twice.
 */
@Injectable()
export class JobScheduler implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private running = true;
  private readonly batcher = new FireBatcher<Fire>((fires) => this.fireBatch(fires));
  /** The definition of each active job, owned here or not: what its CronJob is armed from, and the chains. */
  private readonly definitions = new Map<string, ScheduledJob>();
  private readonly dependants = new DependantsIndex();
  private readonly shares = new JobShares();
  private rebalanceTimer: NodeJS.Timeout | undefined;
  private readonly handovers = new Set<NodeJS.Timeout>();
  private takenListener: (jobs: ScheduledJob[]) => void = () => undefined;

  constructor(
    private readonly cron: CronRegistry,
    private readonly executor: JobExecutor,
    private readonly recorder: RunRecorder,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
    private readonly metrics: SchedulerMetrics,
    private readonly membership: ReplicaMembership,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {
    membership.reportWith(() => ({ jobs_owned: this.cron.count(), runs_in_progress: executor.runningCount }));
    this.shares.setReplicas(membership.liveIds());
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.rebalanceTimer);
    for (const timer of this.handovers) clearTimeout(timer);
    this.cron.stopAll();
    // Fires already past their timer finish deciding (run or skip) while the store is still open.
    await this.batcher.flush();
    await this.executor.drain(this.options.shutdownGraceMs);
  }

  get isRunning(): boolean {
    return this.running;
  }

  get registeredCount(): number {
    return this.cron.count();
  }

  registeredIds(): string[] {
    return this.cron.ids();
  }

  /** Registers, replaces or removes the job's CronJob so that it matches the definition and who owns it. */
  sync(job: ScheduledJob): void {
    if (!job.is_active) return this.remove(job.job_id);
    this.definitions.set(job.job_id, job);
    this.dependants.set(job);
    const moved = this.shares.set(job.job_id, !isChainOnly(job));
    // Among several replicas a job joining the shares may move others: one pass over all of them
    // a moment later shares out a whole burst of new jobs at once.
    if (isChainOnly(job)) this.cron.remove(job.job_id);
    else if (this.cron.has(job.job_id) || !this.shares.costly) this.arm(job);
    if (moved && this.shares.costly) this.rebalanceSoon();
    this.metrics.activeJobs.set(this.cron.count());
  }

  /** Arms the jobs this replica owns now and disarms the others (replicas or jobs came or went); the ones it took go to {@link onTaken}. */
  rebalance(): void {
    clearTimeout(this.rebalanceTimer);
    this.rebalanceTimer = undefined;
    this.shares.setReplicas(this.membership.liveIds());
    const taken: ScheduledJob[] = [];
    const given: string[] = [];
    for (const job of this.definitions.values()) {
      const armed = this.cron.has(job.job_id);
      if (armed === (!isChainOnly(job) && this.owns(job.job_id))) continue;
      if (armed) given.push(job.job_id);
      else {
        this.arm(job);
        taken.push(job);
      }
    }
    this.handOver(given);
    this.metrics.activeJobs.set(this.cron.count());
    if (taken.length > 0) this.takenListener(taken);
  }

  /** Calls `listener` with the jobs a rebalance armed here that another replica had armed (they may have missed a fire). */
  onTaken(listener: (jobs: ScheduledJob[]) => void): void {
    this.takenListener = listener;
  }

  /** The live replica that owns the job: the one that arms its CronJob. */
  ownerOf(jobId: string): string {
    return this.shares.ownerOf(jobId) ?? this.membership.id;
  }

  /** The active jobs that run after `upstreamId`. */
  dependantsOf(upstreamId: string): ScheduledJob[] {
    return this.dependants.of(upstreamId).flatMap((id) => this.definitions.get(id) ?? []);
  }

  /** Whether `jobId` runs after `ancestorId`, directly or through other active jobs. */
  runsAfter(jobId: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    const walk = (id: string): boolean => {
      if (seen.has(id)) return false;
      seen.add(id);
      return (this.definitions.get(id)?.run_after ?? []).some((upstream) => upstream === ancestorId || walk(upstream));
    };
    return walk(jobId);
  }

  remove(jobId: string): void {
    this.definitions.delete(jobId);
    this.dependants.delete(jobId);
    this.cron.remove(jobId);
    if (this.shares.set(jobId, false) && this.shares.costly) this.rebalanceSoon();
    this.metrics.activeJobs.set(this.cron.count());
  }

  private arm(job: ScheduledJob): void {
    this.cron.register(job.job_id, fireScheduleOf(job), this.onFire, this.running);
  }

  private owns(jobId: string): boolean {
    return this.ownerOf(jobId) === this.membership.id;
  }

  // The new owner arms a job when it sees the change, up to a beat after this replica: this one
  // fires it until then (the occurrence claim keeps each occurrence single), so no fire falls between.
  private handOver(jobIds: string[]): void {
    if (jobIds.length === 0) return;
    const timer = setTimeout(() => {
      this.handovers.delete(timer);
      for (const id of jobIds) if (this.cron.has(id) && !this.owns(id)) this.cron.remove(id);
      this.metrics.activeJobs.set(this.cron.count());
    }, HANDOVER_BEATS * this.options.heartbeatIntervalMs).unref();
    this.handovers.add(timer);
  }

  private rebalanceSoon(): void {
    this.rebalanceTimer ??= setTimeout(() => this.rebalance(), REBALANCE_DELAY_MS).unref();
  }

  /** Stops every fire of this replica until {@link resume}; runs in progress finish. */
  pause(): void {
    if (!this.running) return;
    this.running = false;
    this.cron.stopAll();
    this.logger.log('Scheduler paused');
  }

  resume(): void {
    if (this.running) return;
    this.running = true;
    this.cron.startAll();
    this.logger.log('Scheduler resumed');
  }

  /** The next `count` fire times after `after` that will run: outside NYSE hours they are left out for market_hours_only jobs. */
  nextRuns(spec: ScheduleSpec, count: number, after = new Date()): Date[] {
    return fireTimes(spec, count, after);
  }

  /**
   * Each fire becomes a run, or a skipped record saying why it did not run, on the one replica that
   * claims the occurrence (all claimed with one call); the others do nothing. An occurrence of a
   * market_hours_only job while NYSE is closed is no fire: it is counted, nothing is written.
   */
  async dispatch(fires: DueFire[]): Promise<void> {
    await this.claimAndRun(this.fires(fires));
  }

  /** The fires among `due`; the occurrences outside NYSE hours of market_hours_only jobs are counted and dropped. */
  private fires(due: DueFire[]): DueFire[] {
    return due.filter(({ job, trigger, scheduledFor }) => {
      const closed = closedMarketReason(job.market_hours_only, scheduledFor);
      if (!closed) return true;
      this.metrics.recordMarketClosedSkip(trigger);
      this.logger.debug(`job ${job.job_id}: occurrence ${scheduledFor.toISOString()} is no fire, the market is closed: ${closed}`, { job_id: job.job_id });
      return false;
    });
  }

  /**
   * Claims the occurrences with one call, taking each winner's lease in the same step when it can
   * run (not running here), and starts those runs before anything else is written.
   */
  private async claimAndRun(fires: DueFire[]): Promise<void> {
    if (fires.length === 0) return;
    const heldBack = fires.map(({ job }) => (this.executor.isRunning(job.job_id) ? 'the previous run is still in progress' : null));
    const claims = fires.map(({ job, scheduledFor }, i) => ({
      jobId: job.job_id,
      occurrenceMs: scheduledFor.getTime(),
      lease: heldBack[i] ? undefined : { owner: randomUUID(), ttlMs: this.options.leaseTtlMs },
    }));
    const outcomes = await this.coordinator.claimOccurrences(claims);
    const skipped: Promise<void>[] = [];
    fires.forEach((fire, i) => {
      const { job, trigger, scheduledFor } = fire;
      if (outcomes[i] === 'lost') {
        this.logger.debug(`job ${job.job_id}: occurrence ${scheduledFor.toISOString()} claimed elsewhere`, { job_id: job.job_id });
        return;
      }
      if (outcomes[i] === 'gone') {
        // Deleted through another replica, and the change message has not arrived (yet).
        this.logger.debug(`job ${job.job_id}: deleted; its CronJob is removed`, { job_id: job.job_id });
        return this.remove(job.job_id);
      }
      const next = this.nextFireAfter(job, trigger);
      const started = outcomes[i] === 'leased' ? this.executor.startLeased(job, trigger, scheduledFor, next, claims[i]!.lease!.owner) : null;
      if (started?.ok) return;
      const reason = started?.reason ?? heldBack[i] ?? 'a run of this job is in progress on another replica';
      skipped.push(this.recordSkipped(fire, reason, next).catch((error: unknown) => this.fireFailed(job.job_id, scheduledFor, error)));
    });
    await Promise.all(skipped);
  }

  private async recordSkipped({ job, trigger, scheduledFor }: DueFire, reason: string, next: Date | null): Promise<void> {
    await this.recorder.skipped(job, trigger, scheduledFor, reason, { next_run: next ? isoInZone(next, job.timezone) : null });
  }

  private nextFireAfter(job: ScheduledJob, trigger: RunTrigger): Date | null {
    // CronRegistry knows the next fire time of a job it fired (in NYSE hours for market_hours_only) without a computation.
    const armed = trigger === 'schedule' ? this.cron.nextFire(job.job_id) : null;
    return armed ?? this.nextRuns(job, 1)[0] ?? null;
  }

  // Jobs on one schedule fire in the same instant: their fires are claimed together, with one
  // script call. A fire's promise settles when its batch has been handed over.
  private readonly onFire = (jobId: string, scheduledFor: Date): Promise<void> => {
    this.metrics.recordFire(scheduledFor);
    return this.batcher.add({ jobId, scheduledFor });
  };

  // A fire is claimed with the definition its CronJob was armed from, not a fresh read: every
  // change reaches each replica through sync() (published changes, the periodic reconcile), and
  // a run reads the job afresh as it starts. A thousand reads and parses per instant are saved.
  private async fireBatch(fires: Fire[]): Promise<void> {
    const due = this.fires(
      fires.flatMap(({ jobId, scheduledFor }): DueFire[] => {
        const job = this.definitions.get(jobId);
        return job ? [{ job, trigger: 'schedule', scheduledFor }] : [];
      }),
    );
    try {
      await this.claimAndRun(due);
    } catch (error) {
      // A store outage must not crash the timers: the fires are lost and logged, the next ones come.
      for (const { job, scheduledFor } of due) this.fireFailed(job.job_id, scheduledFor, error);
    }
  }

  private fireFailed(jobId: string, scheduledFor: Date, error: unknown): void {
    this.metrics.recordLostFire();
    this.logger.warn(`job ${jobId}: fire at ${scheduledFor.toISOString()} failed: ${String(error)}`, { job_id: jobId });
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { COORDINATOR, type Coordinator, type JobChange } from '../storage/coordinator.js';
import { fireScheduleOf, latestFireTime } from './fire-schedule.js';
import type { ScheduledJob } from './job.js';
import { JobExecutor } from './job-executor.js';
import { JobRegistry } from './job-registry.js';
import { JobScheduler, type DueFire } from './job-scheduler.js';
import { RunRecorder } from './run-recorder.js';
import { ReplicaMembership, type MembershipChange } from './sharding/replica-membership.js';
import { latestOccurrence, triggerOf } from './schedule.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { isoInZone } from './time-format.js';

/** Jobs reconciled between two turns of the event loop. */
const YIELD_EVERY = 500;
/** Catch-up fires claimed with one call at boot. */
const CATCH_UP_BATCH = 256;

/**
 * Keeps this replica's CronJobs equal to the stored jobs it owns: at boot (with crash recovery and
 * catch-up), on every change message from any replica, when replicas come or go (the jobs taken
 * catch up, the runs of a replica gone are recorded as lost at once), and periodically in case a
 * message was lost.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobReconciler.name);
  private timer: NodeJS.Timeout | undefined;
  private stopWatching: () => void = () => undefined;

  constructor(
    private readonly scheduler: JobScheduler,
    private readonly registry: JobRegistry,
    private readonly executor: JobExecutor,
    private readonly recorder: RunRecorder,
    private readonly membership: ReplicaMembership,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) return;
    await this.coordinator.subscribe((change) => void this.apply(change));
    await this.membership.start();
    this.scheduler.onTaken((jobs) => void this.catchUpTaken(jobs));
    this.scheduler.rebalance();
    this.stopWatching = this.membership.onChange((change) => this.membershipChanged(change));
    await this.reconcile(true);
    this.timer = setInterval(() => void this.reconcile(false), this.options.reconcileIntervalMs);
    this.timer.unref();
    this.logger.log(`Scheduler started with ${this.scheduler.registeredCount} active job(s)`);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.stopWatching();
  }

  /** Arms the jobs this replica now owns (each catching up on a fire missed meanwhile), and records the runs of replicas gone. */
  private async membershipChanged({ left }: MembershipChange): Promise<void> {
    this.scheduler.rebalance();
    if (left.length === 0) return;
    for (const job of await this.registry.list()) if (job.status === 'running' && !this.executor.isRunning(job.job_id)) await this.recoverLostRun(job);
  }

  private async catchUpTaken(taken: ScheduledJob[]): Promise<void> {
    this.logger.log(`took ${taken.length} job(s) from other replicas`);
    // Paused, nothing fires: the next_run of every job is behind, and nothing was missed.
    if (!this.scheduler.isRunning) return;
    try {
      const now = new Date();
      const due: DueFire[] = [];
      for (const job of await this.registry.getMany(taken.map((t) => t.job_id))) if (job?.is_active) await this.catchUp(job, now, due);
      await this.scheduler.dispatch(due);
    } catch (error) {
      this.logger.warn(`catch-up of the jobs taken failed (the reconcile moves them on): ${String(error)}`);
    }
  }

  private async apply(change: JobChange): Promise<void> {
    try {
      if (change.op === 'pause') return this.scheduler.pause();
      if (change.op === 'resume') return this.scheduler.resume();
      const job = change.op === 'delete' ? null : await this.registry.get(change.job_id);
      if (job) this.scheduler.sync(job);
      else this.scheduler.remove(change.job_id);
    } catch (error) {
      this.logger.warn(`change ${JSON.stringify(change)} not applied (the reconcile will): ${String(error)}`);
    }
  }

  private async reconcile(boot: boolean): Promise<void> {
    try {
      const now = new Date();
      if (await this.coordinator.isPaused()) this.scheduler.pause();
      else this.scheduler.resume();
      // Only CronJobs armed before the listing can be stale: a job created since (armed by its change message) is not in it.
      const armedBefore = this.scheduler.registeredIds();
      const jobs = await this.registry.list();
      const active = new Set<string>();
      const due: DueFire[] = [];
      for (const [i, job] of jobs.entries()) {
        // A pass over 100,000 jobs holds the event loop for seconds: the heartbeat's timer must get a turn.
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
        if (job.status === 'running' && !this.executor.isRunning(job.job_id)) await this.recoverLostRun(job);
        if (!job.is_active) continue;
        active.add(job.job_id);
        this.scheduler.sync(job);
        if (boot) await this.catchUp(job, now, due);
        else if (this.lostItsFire(job, now) && !(await this.coordinator.isLeased(job.job_id))) await this.moveOn(job, 'its fire was lost (the store refused or missed it)');
        if (due.length >= CATCH_UP_BATCH) await this.scheduler.dispatch(due.splice(0));
      }
      await this.scheduler.dispatch(due);
      for (const id of armedBefore) if (!active.has(id)) this.scheduler.remove(id);
    } catch (error) {
      this.logger.warn(`reconcile failed (next try in ${this.options.reconcileIntervalMs} ms): ${String(error)}`);
    }
  }

  /**
   * A fire missed while no replica was up runs once if it is within the job's misfire grace: for a
   * market_hours_only job, the latest missed inside NYSE hours. Occurrences missed while the market
   * was closed are no fires: when only such a one is within the grace, the scheduler counts it.
   * The fire to run is added to `due`, so that the caller claims many at once.
   */
  private async catchUp(job: ScheduledJob, now: Date, due: DueFire[]): Promise<void> {
    const nextRun = job.next_run ? Date.parse(job.next_run) : null;
    if (nextRun === null || nextRun > now.getTime()) return;
    const notBefore = new Date(Math.max(nextRun, now.getTime() - job.misfire_grace_seconds * 1000));
    const missed = latestFireTime(fireScheduleOf(job), now, notBefore);
    if (missed) {
      this.logger.log(`job ${job.job_id}: catching up on the fire missed at ${missed.toISOString()}`, { job_id: job.job_id });
      due.push({ job, trigger: 'catch_up', scheduledFor: missed });
      return;
    }
    const closed = job.market_hours_only ? latestOccurrence(triggerOf(job), now, notBefore) : null;
    if (closed) await this.scheduler.dispatch([{ job, trigger: 'catch_up', scheduledFor: closed }]);
    await this.moveOn(job, closed ? 'the occurrence missed within its misfire grace fell outside NYSE hours' : 'the fire missed is beyond its misfire grace');
  }

  /**
   * A fire writes the job's next `next_run` within moments (the run starts, or is recorded as
   * skipped; a market_hours_only job is armed only for fire times inside NYSE hours). One still in the past a reconcile later, with no run of the job anywhere, was lost.
   */
  private lostItsFire(job: ScheduledJob, now: Date): boolean {
    const due = job.next_run ? Date.parse(job.next_run) : null;
    return this.scheduler.isRunning && due !== null && due < now.getTime() - this.options.reconcileIntervalMs && job.status !== 'running' && !this.executor.isRunning(job.job_id);
  }

  private async moveOn(job: ScheduledJob, why: string): Promise<void> {
    const next = this.scheduler.nextRuns(job, 1)[0] ?? null;
    this.logger.log(`job ${job.job_id}: ${why} (due ${job.next_run}); next at ${next?.toISOString() ?? 'none'}`, { job_id: job.job_id });
    await this.registry.patch(job.job_id, { next_run: next ? isoInZone(next, job.timezone) : null });
  }

  /**
   * A run whose replica is gone (its heartbeat ran out), or that nobody holds the lease of any more,
   * will never end: it is recorded as failed, as itself (its id, trigger, occurrence and start,
   * stored when it started), and its lease is freed. The job was read a moment ago: a run that ended
   * since (recorded, then its lease released) or began since (leased, then stored) is left alone,
   * and the record is written only while the run is still current.
   */
  private async recoverLostRun(listed: ScheduledJob): Promise<void> {
    const current = await this.registry.currentRun(listed.job_id);
    const job = await this.registry.get(listed.job_id);
    if (job?.status !== 'running') return;
    const gone = current?.replica_id !== undefined && this.membership.isGone(current.replica_id);
    if (!gone && (await this.coordinator.isLeased(job.job_id))) return;
    const reason = gone
      ? `interrupted: replica ${current!.replica_id} running it is gone (its heartbeat ran out)`
      : 'interrupted: the replica holding this run stopped renewing its lease (it stopped, crashed or lost the store)';
    if (current) {
      const scheduledFor = current.scheduled_for ? new Date(current.scheduled_for) : null;
      const run = { runId: current.run_id, trigger: current.trigger, scheduledFor, done: current.progress.done, replicaId: current.replica_id };
      if (await this.recorder.interrupted(job, run, current.start_time, reason, { onlyIfCurrent: true })) await this.coordinator.releaseLease(job.job_id, current.run_id);
      return;
    }
    // Left running by a version that did not store its current run: what it was is unknown. A run
    // started since the listing (and maybe over already) would have moved last_run.
    if (job.last_run !== listed.last_run) return;
    const run = { runId: randomUUID(), trigger: 'schedule' as const, scheduledFor: null };
    await this.recorder.interrupted(job, run, job.last_run ?? job.updated_at, `${reason}; its record was not kept, so its id and trigger are unknown`);
  }
}

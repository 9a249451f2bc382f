import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Dataset } from '../datasets/dataset.js';
import { DatasetRegistry } from '../datasets/dataset-registry.js';
import type { AuditEntry } from '../storage/audit-log.js';
import { COORDINATOR, type Coordinator } from '../storage/coordinator.js';
import { StoreConnection } from '../storage/store.providers.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import type { DashboardDto, SchedulePreviewResultDto, SchedulerStatusDto } from './dto/responses.dto.js';
import type { UpdateJobDto } from './dto/update-job.dto.js';
import type { JobPatch, RunRecord, ScheduledJob } from './job.js';
import { JobChains, type ChainView } from './chain/job-chains.js';
import { SchedulerEvents } from './events/scheduler-events.js';
import { FollowUps } from './follow-ups/follow-ups.js';
import { JobAuditor } from './job-auditor.js';
import { JobExecutor } from './job-executor.js';
import { JobRegistry } from './job-registry.js';
import { JobScheduler } from './job-scheduler.js';
import { assertScheduleFires, changesFromUpdate, datasetRule, SCHEDULE_SPEC_FIELDS, scheduleFrom, specFromCreate, type ScheduleSpec } from './job-spec.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from './scheduler-options.js';
import { ReplicaMembership } from './sharding/replica-membership.js';
import { isoInZone } from './time-format.js';

/** The fields that decide when a job fires next, whether it fires at all included. */
const FIRING_FIELDS: readonly (keyof JobPatch)[] = [...SCHEDULE_SPEC_FIELDS, 'is_active'];

/**
 * What the REST API does: every change is persisted, applied to this replica's CronJobs at once,
 * and broadcast so that every other replica applies it too.
 */
@Injectable()
export class JobManager {
  constructor(
    private readonly registry: JobRegistry,
    private readonly scheduler: JobScheduler,
    private readonly executor: JobExecutor,
    private readonly connection: StoreConnection,
    @Inject(COORDINATOR) private readonly coordinator: Coordinator,
    private readonly auditor: JobAuditor,
    private readonly datasets: DatasetRegistry,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
    private readonly events: SchedulerEvents,
    private readonly chains: JobChains,
    private readonly followUps: FollowUps,
    private readonly membership: ReplicaMembership,
  ) {}

  async create(dto: CreateJobDto, actor: string): Promise<ScheduledJob> {
    const spec = specFromCreate(dto, this.options.timezone);
    this.datasets.assertServed(spec.dataset, spec.providers);
    this.assertMailable(spec.notify_email);
    await this.chains.assertValid(null, spec.run_after);
    const isActive = dto.is_active ?? true;
    const job = this.registry.draft(spec, isActive, isActive ? (this.scheduler.nextRuns(spec, 1)[0] ?? null) : null);
    await this.change('create', null, job, actor, async () => {
      await this.registry.create(job);
      this.scheduler.sync(job);
      return job;
    });
    return job;
  }

  async get(jobId: string): Promise<ScheduledJob> {
    const job = await this.registry.get(jobId);
    if (!job) throw new NotFoundException(`Job ${jobId} not found`);
    return job;
  }

  list(activeOnly: boolean): Promise<ScheduledJob[]> {
    return this.registry.list(activeOnly);
  }

  async update(jobId: string, dto: UpdateJobDto, actor: string): Promise<ScheduledJob> {
    const current = await this.get(jobId);
    const changes = changesFromUpdate(current, dto);
    if (changes.providers) this.datasets.assertServed(current.dataset, changes.providers);
    this.assertMailable(changes.notify_email);
    await this.chains.assertValid(jobId, changes.run_after);
    const activation = dto.is_active !== undefined && dto.is_active !== current.is_active && { is_active: dto.is_active, ...this.activation(current, dto.is_active) };
    return this.apply(current, { ...changes, ...activation }, 'update', actor);
  }

  async delete(jobId: string, actor: string): Promise<void> {
    const current = await this.get(jobId);
    await this.change('delete', current, current, actor, async () => {
      if (!(await this.registry.delete(jobId))) throw new NotFoundException(`Job ${jobId} not found`);
      this.scheduler.remove(jobId);
      return null;
    });
    // Its dependants no longer run after it: each change is audited as the system's.
    for (const dependant of await this.chains.dependantsOf(jobId)) {
      const left = dependant.run_after!.filter((id) => id !== jobId);
      await this.apply(dependant, { run_after: left.length ? left : null }, 'update', `system: job ${jobId} was deleted`).catch(() => undefined);
    }
  }

  /** The jobs this one runs after, and those that run after it. */
  async chain(jobId: string): Promise<ChainView> {
    return this.chains.view(await this.get(jobId));
  }

  async setActive(jobId: string, isActive: boolean, actor: string): Promise<ScheduledJob> {
    const current = await this.get(jobId);
    if (isActive) assertScheduleFires(current);
    return this.apply(current, { is_active: isActive, ...this.activation(current, isActive) }, isActive ? 'start' : 'stop', actor);
  }

  /** The job's audit trail, newest first; still readable after the job is deleted. */
  async audit(jobId: string, limit: number): Promise<AuditEntry[]> {
    const entries = await this.auditor.list(jobId, limit);
    if (entries.length === 0) await this.get(jobId);
    return entries;
  }

  /** Starts a manual run now; 409 while a run of the job is in progress on any replica. */
  async runNow(jobId: string): Promise<string> {
    const job = await this.get(jobId);
    const started = await this.executor.start(job, 'manual', null);
    if (!started.ok) throw new ConflictException(`Job ${jobId} cannot run now: ${started.reason}`);
    await started.run.visible;
    return started.run.runId;
  }

  /** Pauses or resumes the scheduler of every replica, and remembers it across restarts. */
  async setSchedulerRunning(running: boolean): Promise<void> {
    await this.coordinator.setPaused(!running);
    if (running) this.scheduler.resume();
    else this.scheduler.pause();
    await this.coordinator.publish({ op: running ? 'resume' : 'pause' });
    this.events.emit(running ? 'scheduler.resumed' : 'scheduler.paused', {});
  }

  /** One run of the job, in progress or recorded; 404 when neither the job nor the run is known. */
  async run(jobId: string, runId: string): Promise<RunRecord> {
    await this.get(jobId);
    const run = (await this.registry.runs(jobId, this.options.runHistoryLimit + 1)).find((record) => record.run_id === runId);
    if (!run) throw new NotFoundException(`Run ${runId} of job ${jobId} not found (the newest ${this.options.runHistoryLimit} are kept)`);
    return run;
  }

  async runs(jobId: string, limit: number): Promise<RunRecord[]> {
    await this.get(jobId);
    return this.registry.runs(jobId, limit);
  }

  /** The job's next `count` fire times after `after`; none while it is stopped. */
  async nextRuns(jobId: string, count: number, after: Date): Promise<string[]> {
    const job = await this.get(jobId);
    if (!job.is_active) return [];
    return this.scheduler.nextRuns(job, count, after).map((date) => isoInZone(date, job.timezone));
  }

  /** Validates a schedule as a job would, and gives its next fire times after `after`. */
  preview(dto: Partial<ScheduleSpec> & { dataset?: Dataset }, count: number, after: Date): SchedulePreviewResultDto {
    const schedule = scheduleFrom(dto, this.options.timezone, datasetRule(dto.dataset));
    return { timezone: schedule.timezone, next_runs: this.scheduler.nextRuns(schedule, count, after).map((date) => isoInZone(date, schedule.timezone)) };
  }

  async status(): Promise<SchedulerStatusDto> {
    const jobs = await this.registry.list();
    return this.statusOf(jobs);
  }

  async dashboard(): Promise<DashboardDto> {
    const jobs = await this.registry.list();
    const today = isoInZone(Date.now(), this.options.timezone).slice(0, 10);
    const ranToday = (job: ScheduledJob) => job.last_run !== null && isoInZone(Date.parse(job.last_run), this.options.timezone).startsWith(today);
    return {
      scheduler_status: this.statusOf(jobs),
      summary: {
        total: jobs.length,
        active: jobs.filter((job) => job.is_active).length,
        paused: jobs.filter((job) => !job.is_active).length,
        running: jobs.filter((job) => job.status === 'running').length,
        completed_today: jobs.filter((job) => ranToday(job) && job.status === 'completed').length,
        failed_today: jobs.filter((job) => ranToday(job) && job.status === 'failed').length,
      },
      jobs,
    };
  }

  private statusOf(jobs: ScheduledJob[]): SchedulerStatusDto {
    return {
      is_running: this.scheduler.isRunning,
      active_jobs_count: jobs.filter((job) => job.is_active).length,
      total_jobs_count: jobs.length,
      registered_jobs_count: this.scheduler.registeredCount,
      running_runs_count: this.executor.runningCount,
      store: this.connection.client ? 'redis' : 'memory',
      timezone: this.options.timezone,
      replica_id: this.membership.id,
      replicas: this.membership.live(),
    };
  }

  /** The live replica that owns the job (arms its CronJob). */
  ownerOf(jobId: string): string {
    return this.scheduler.ownerOf(jobId);
  }

  /** 400 for mail addresses when there is no mail server to send to them. */
  private assertMailable(notifyEmail: string[] | null | undefined): void {
    if (notifyEmail?.length && !this.options.email.smtpUrl) throw new BadRequestException(['notify_email needs a mail server: set SMTP_URL (see the README, "Email")']);
  }

  /** Stop → paused; start → pending, unless a run is in progress (it keeps showing running). */
  private activation(job: ScheduledJob, isActive: boolean): JobPatch {
    if (job.status === 'running') return {};
    return { status: isActive ? 'pending' : 'paused' };
  }

  /** Writes `patch` with what it derives: `next_run` only when it changes when the job fires. */
  private async apply(current: ScheduledJob, patch: JobPatch, action: AuditEntry['action'], actor: string): Promise<ScheduledJob> {
    const merged = { ...current, ...patch } as ScheduledJob;
    const derived: JobPatch = { updated_at: isoInZone(Date.now(), merged.timezone) };
    if (FIRING_FIELDS.some((field) => field in patch)) {
      const next = merged.is_active ? this.scheduler.nextRuns(merged, 1)[0] : undefined;
      derived.next_run = next ? isoInZone(next, merged.timezone) : null;
    }
    const updated = await this.change(action, current, { ...merged, ...derived }, actor, async () => {
      const written = await this.registry.patch(current.job_id, { ...patch, ...derived });
      if (!written) throw new NotFoundException(`Job ${current.job_id} not found`);
      this.scheduler.sync(written);
      return written;
    });
    return updated!;
  }

  /**
   * Makes a change: queues its follow-up (its webhooks) just before `write`, so that it is made even
   * if this replica dies right after the write (and only if the write happened), then tells every
   * replica, the audit trail and the event stream what it did. `planned` is the job as the change
   * will leave it (as it was, for a delete); `write` answers the job written, null for a delete.
   */
  private async change(action: AuditEntry['action'], before: ScheduledJob | null, planned: ScheduledJob, actor: string, write: () => Promise<ScheduledJob | null>): Promise<ScheduledJob | null> {
    const id = `change:${randomUUID()}`;
    const followed = await this.followUps.beforeChange(id, action, planned);
    const after = await write();
    const jobId = planned.job_id;
    await this.coordinator.publish(after ? { op: 'upsert', job_id: jobId } : { op: 'delete', job_id: jobId });
    await this.auditor.record(action, before, after, actor);
    this.events.emit('job.changed', { job_id: jobId, action, job: after });
    if (followed) await this.followUps.followChange({ id, action, job: after ?? planned });
    return after;
  }
}

import type { JobPatch, RunRecord, ScheduledJob } from '../../scheduler/job.js';
import { assertKeep, assertStorable, byCreation } from '../job-store-rules.js';
import { runFollowUpId, type RunFollowUpBody } from '../follow-up-queue.js';
import type { JobStore, RecordRunOptions } from '../job-store.js';
import { MemoryFollowUpQueue } from './memory-follow-up-queue.js';

/**
 * In-process {@link JobStore} with the Redis adapter's semantics; values are copied in and out so
 * callers cannot mutate stored state. Nothing survives a restart.
 */
export class MemoryJobStore implements JobStore {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly runs = new Map<string, RunRecord[]>();
  private readonly currentRuns = new Map<string, RunRecord>();
  /** Where {@link recordRun} queues a run's follow-up. */
  readonly followUps = new MemoryFollowUpQueue();

  /** Whether the job exists; the in-process coordinator claims only for jobs that do. */
  has(jobId: string): boolean {
    return this.jobs.has(jobId);
  }

  async create(job: ScheduledJob): Promise<void> {
    assertStorable(job, `job ${job.job_id}`);
    this.jobs.set(job.job_id, structuredClone(job));
  }

  async get(jobId: string): Promise<ScheduledJob | null> {
    const job = this.jobs.get(jobId);
    return job ? structuredClone(job) : null;
  }

  getMany(jobIds: readonly string[]): Promise<(ScheduledJob | null)[]> {
    return Promise.all(jobIds.map((jobId) => this.get(jobId)));
  }

  async list(): Promise<ScheduledJob[]> {
    return [...this.jobs.values()].map((job) => structuredClone(job)).sort(byCreation);
  }

  async patch(jobId: string, patch: JobPatch): Promise<ScheduledJob | null> {
    assertStorable(patch, `patch of job ${jobId}`);
    const job = this.jobs.get(jobId);
    if (!job) return null;
    // Undefined fields are absent from the JSON the Redis adapter sends, so they change nothing.
    const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
    const updated: ScheduledJob = { ...job, ...structuredClone(Object.fromEntries(defined)) };
    this.jobs.set(jobId, updated);
    return structuredClone(updated);
  }

  async delete(jobId: string): Promise<boolean> {
    this.runs.delete(jobId);
    this.currentRuns.delete(jobId);
    return this.jobs.delete(jobId);
  }

  async startRun(run: RunRecord, patch: JobPatch): Promise<ScheduledJob | null> {
    assertStorable(patch, `patch of job ${run.job_id}`);
    assertStorable(run, `run ${run.run_id} of job ${run.job_id}`);
    if (!this.jobs.has(run.job_id)) return null;
    this.currentRuns.set(run.job_id, structuredClone(run));
    return this.patch(run.job_id, patch);
  }

  async updateCurrentRun(run: RunRecord): Promise<boolean> {
    assertStorable(run, `run ${run.run_id} of job ${run.job_id}`);
    if (this.currentRuns.get(run.job_id)?.run_id !== run.run_id) return false;
    this.currentRuns.set(run.job_id, structuredClone(run));
    return true;
  }

  async currentRun(jobId: string): Promise<RunRecord | null> {
    const run = this.currentRuns.get(jobId);
    return run ? structuredClone(run) : null;
  }

  async recordRun(run: RunRecord, keep: number, patch: JobPatch, options: RecordRunOptions = {}): Promise<ScheduledJob | null> {
    assertKeep(keep);
    assertStorable(patch, `patch of job ${run.job_id}`);
    assertStorable(run, `run ${run.run_id} of job ${run.job_id}`);
    if (!this.jobs.has(run.job_id)) return null;
    const isCurrent = this.currentRuns.get(run.job_id)?.run_id === run.run_id;
    if (options.onlyIfCurrent && !isCurrent) return null;
    if (isCurrent) this.currentRuns.delete(run.job_id);
    const history = [structuredClone(run), ...(this.runs.get(run.job_id) ?? [])];
    this.runs.set(run.job_id, history.slice(0, keep));
    const job = await this.patch(run.job_id, patch);
    if (options.followUpDueMs !== undefined) {
      const body: RunFollowUpBody = { kind: 'run', run };
      await this.followUps.add({ id: runFollowUpId(run.run_id), body: JSON.stringify(body) }, options.followUpDueMs);
    }
    return job;
  }

  async listRuns(jobId: string, limit: number): Promise<RunRecord[]> {
    return (this.runs.get(jobId) ?? []).slice(0, Math.max(limit, 0)).map((run) => structuredClone(run));
  }

  async ping(): Promise<void> {}

  async outOfMemory(): Promise<boolean> {
    return false;
  }
}

import type { JobPatch, RunRecord, ScheduledJob } from '../scheduler/job.js';
import type { FollowUpQueue, RunFollowUpBody, runFollowUpId } from './follow-up-queue.js';

/**
 * Persistence of job definitions and run history. Two adapters (Redis, in-process) pass one
 * contract suite (`store-contract.ts`). Every method either completes or throws
 * {@link StoreUnavailableError}; none of them hangs.
 */
export interface JobStore {
  /** Stores a new job and adds it to the index, atomically. */
  create(job: ScheduledJob): Promise<void>;
  get(jobId: string): Promise<ScheduledJob | null>;
  /** The jobs in the order asked for (null where one does not exist), in one round trip. */
  getMany(jobIds: readonly string[]): Promise<(ScheduledJob | null)[]>;
  /** All jobs, in a constant number of round trips whatever their count. */
  list(): Promise<ScheduledJob[]>;
  /**
   * Merges `patch` into the stored job atomically and returns the result; returns null, writing
   * nothing, when the job does not exist (a run that ends after a delete must not bring it back).
   */
  patch(jobId: string, patch: JobPatch): Promise<ScheduledJob | null>;
  /**
   * Removes the job, its index entry, its run history, its current run and its claim; false when it
   * did not exist. Frees memory, so it works on a Redis that refuses writes for lack of memory.
   */
  delete(jobId: string): Promise<boolean>;
  /**
   * Stores `run` as the job's current run and merges `patch` into the job, in one atomic step, so
   * that a run lost with its replica can be recorded as itself; null, writing nothing, when the
   * job no longer exists.
   */
  startRun(run: RunRecord, patch: JobPatch): Promise<ScheduledJob | null>;
  /** Replaces the current run's record if it is still `run`'s (progress); false otherwise, writing nothing. */
  updateCurrentRun(run: RunRecord): Promise<boolean>;
  /** The run stored by {@link startRun} and not yet recorded, or null. */
  currentRun(jobId: string): Promise<RunRecord | null>;
  /**
   * Prepends a run record (keeping only the job's newest `keep`), clears the current run if it is
   * this one, and merges `patch` into the job, in one atomic step; returns the patched job, or
   * null, writing nothing, when the job no longer exists (a run that ends after a delete leaves
   * no history behind) or, with `onlyIfCurrent`, when `run` is not the current run (it was recorded
   * meanwhile by the replica running it).
   */
  recordRun(run: RunRecord, keep: number, patch: JobPatch, options?: RecordRunOptions): Promise<ScheduledJob | null>;
  /** Recorded runs, newest first (the current run is not among them). */
  listRuns(jobId: string, limit: number): Promise<RunRecord[]>;
  ping(): Promise<void>;
  /** Whether the store has reached its memory limit, so that it refuses writes that need memory. */
  outOfMemory(): Promise<boolean>;
}

export interface RecordRunOptions {
  /** Record the run only while it is the job's current run (a run judged lost by another replica). */
  onlyIfCurrent?: boolean;
  /** Queue the run's follow-up in the {@link FollowUpQueue}, due at this time (epoch ms). */
  followUpDueMs?: number;
}

export const JOB_STORE = Symbol('JOB_STORE');

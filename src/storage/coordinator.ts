export interface OccurrenceClaim {
  jobId: string;
  occurrenceMs: number;
  /** Also take the job's lease for the winner, in the same step. */
  lease?: { owner: string; ttlMs: number };
}

/**
 * `lost`: the occurrence belongs to another caller (or is stale); `claimed`: it is this caller's,
 * without the lease (none asked for, or someone holds it); `leased`: it is this caller's, lease
 * included; `gone`: the job no longer exists (nothing is written for it).
 */
export type ClaimOutcome = 'lost' | 'claimed' | 'leased' | 'gone';

/** A change made through one replica that every other replica applies to its CronJobs. */
export type JobChange = { op: 'upsert'; job_id: string } | { op: 'delete'; job_id: string } | { op: 'pause' } | { op: 'resume' };

/**
 * What lets several replicas on one store behave as one scheduler: each occurrence of a job is
 * claimed once, a running job holds a lease, and changes are broadcast. The in-process adapter is
 * the single-replica case of the same contract.
 */
export interface Coordinator {
  /**
   * Claims each occurrence, in order, in one round trip: true for exactly one caller per
   * occurrence, and never for an occurrence at or before one already claimed for that job (a late
   * replica cannot run a stale fire). A winner that asked for the lease gets it unless it is held.
   * A claim for a job that does not exist writes nothing, so no claim outlives its job.
   */
  claimOccurrences(claims: readonly OccurrenceClaim[]): Promise<ClaimOutcome[]>;
  /** Takes the job's lease for `ttlMs` unless someone holds it. */
  acquireLease(jobId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends the lease if `owner` still holds it. */
  renewLease(jobId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Drops the lease if `owner` holds it. */
  releaseLease(jobId: string, owner: string): Promise<void>;
  /** Whether anyone holds the job's lease: a job shown running without one lost its replica. */
  isLeased(jobId: string): Promise<boolean>;
  /** True for the first caller of `key` within `ttlMs`, across replicas: e.g. one chained run per upstream run. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  publish(change: JobChange): Promise<void>;
  /** Calls `handler` for every change published by any replica (this one included). */
  subscribe(handler: (change: JobChange) => void): Promise<void>;
  /** Whether the whole scheduler is paused (POST /scheduler/stop), kept across restarts. */
  isPaused(): Promise<boolean>;
  setPaused(paused: boolean): Promise<void>;
}

export const COORDINATOR = Symbol('COORDINATOR');

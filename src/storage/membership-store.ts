/** What a replica says of itself in each heartbeat (GET /scheduler/status lists them). */
export interface ReplicaInfo {
  id: string;
  host: string;
  pid: number;
  started_at: string;
  /** CronJobs it has armed: the jobs it owns, less the chain-only ones. */
  jobs_owned: number;
  runs_in_progress: number;
}

/**
 * Which replicas are alive: each one beats about every second, and one that stops beating is gone
 * once its last beat's time to live is over. Expiry is judged by the store's clock alone, so the
 * replicas' clocks need not agree.
 */
export interface MembershipStore {
  /** Stores `self` as alive for `ttlMs` and answers every live replica, this one included, in one round trip. */
  heartbeat(self: ReplicaInfo, ttlMs: number): Promise<ReplicaInfo[]>;
  /** Takes the replica out at once (a clean stop), so that the others need not wait for its beat to run out. */
  leave(id: string): Promise<void>;
}

export const MEMBERSHIP_STORE = Symbol('MEMBERSHIP_STORE');

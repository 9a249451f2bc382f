import type { ClaimOutcome, Coordinator, JobChange, OccurrenceClaim } from '../coordinator.js';

/** The single-process {@link Coordinator}: claims, leases and changes live in this process. */
export class MemoryCoordinator implements Coordinator {
  private readonly claims = new Map<string, number>();
  private readonly leases = new Map<string, { owner: string; expiresAt: number }>();
  private readonly handlers: ((change: JobChange) => void)[] = [];
  private readonly once = new Map<string, number>();
  private paused = false;

  /** `jobExists` answers for the job store beside it: a claim is only kept for a job that exists. */
  constructor(
    private readonly jobExists: (jobId: string) => boolean,
    private readonly now: () => number = Date.now,
  ) {}

  async claimOccurrences(claims: readonly OccurrenceClaim[]): Promise<ClaimOutcome[]> {
    return claims.map(({ jobId, occurrenceMs, lease }) => {
      if (!this.jobExists(jobId)) return 'gone';
      if ((this.claims.get(jobId) ?? -Infinity) >= occurrenceMs) return 'lost';
      this.claims.set(jobId, occurrenceMs);
      return lease && this.takeLease(jobId, lease.owner, lease.ttlMs) ? 'leased' : 'claimed';
    });
  }

  async acquireLease(jobId: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.takeLease(jobId, owner, ttlMs);
  }

  async renewLease(jobId: string, owner: string, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(jobId);
    if (lease?.owner !== owner || lease.expiresAt <= this.now()) return false;
    lease.expiresAt = this.now() + ttlMs;
    return true;
  }

  async releaseLease(jobId: string, owner: string): Promise<void> {
    if (this.leases.get(jobId)?.owner === owner) this.leases.delete(jobId);
  }

  async isLeased(jobId: string): Promise<boolean> {
    return this.leaseHeld(jobId);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    if ((this.once.get(key) ?? 0) > now) return false;
    this.once.set(key, now + ttlMs);
    for (const [other, until] of this.once) if (until <= now) this.once.delete(other);
    return true;
  }

  async publish(change: JobChange): Promise<void> {
    if (change.op === 'delete') this.claims.delete(change.job_id);
    for (const handler of this.handlers) handler(change);
  }

  async subscribe(handler: (change: JobChange) => void): Promise<void> {
    this.handlers.push(handler);
  }

  async isPaused(): Promise<boolean> {
    return this.paused;
  }

  async setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
  }

  private leaseHeld(jobId: string): boolean {
    const lease = this.leases.get(jobId);
    return lease !== undefined && lease.expiresAt > this.now();
  }

  private takeLease(jobId: string, owner: string, ttlMs: number): boolean {
    if (this.leaseHeld(jobId)) return false;
    this.leases.set(jobId, { owner, expiresAt: this.now() + ttlMs });
    return true;
  }
}

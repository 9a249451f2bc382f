import { ownerOf, weight } from './rendezvous.js';

/** How far above an even share a replica may be given jobs (5 %: three replicas hold 90–105 of 300). */
const SLACK = 0.05;

/**
 * Who arms each job: rendezvous hashing with bounded loads. Plain rendezvous gives each replica a
 * binomial share (±8 % of 100 of 300 jobs is one standard deviation); here the jobs are taken in
 * id order and each goes to the replica of highest weight that has room, no replica holding more
 * than its share plus {@link SLACK}. Every replica computes the same owners from the same jobs and
 * replicas; a replica coming or going moves its jobs and a few spilled ones.
 */
export class JobShares {
  private readonly jobIds = new Set<string>();
  private replicaIds: string[] = [];
  private owners = new Map<string, string>();
  private stale = false;

  /** Adds (`armable`) or removes a job; whether that changed the set to share out. */
  set(jobId: string, armable: boolean): boolean {
    if (armable === this.jobIds.has(jobId)) return false;
    if (armable) this.jobIds.add(jobId);
    else this.jobIds.delete(jobId);
    this.stale = true;
    return true;
  }

  /** The live replicas, in any order. */
  setReplicas(replicaIds: readonly string[]): void {
    const sorted = [...replicaIds].sort();
    if (sorted.join() === this.replicaIds.join()) return;
    this.replicaIds = sorted;
    this.stale = true;
  }

  /** Whether sharing out needs a computation over every job (more than one replica). */
  get costly(): boolean {
    return this.replicaIds.length > 1;
  }

  /** The owner of a job in the set; of another, the replica rendezvous hashing alone would give it. */
  ownerOf(jobId: string): string | null {
    if (this.replicaIds.length <= 1) return this.replicaIds[0] ?? null;
    if (this.stale) this.share();
    return this.owners.get(jobId) ?? ownerOf(jobId, this.replicaIds);
  }

  private share(): void {
    const jobs = [...this.jobIds].sort();
    const room = Math.ceil((jobs.length / this.replicaIds.length) * (1 + SLACK));
    const load = new Map(this.replicaIds.map((id) => [id, 0]));
    this.owners = new Map();
    for (const jobId of jobs) {
      let owner = '';
      let best = -1;
      for (const replicaId of this.replicaIds) {
        if (load.get(replicaId)! >= room) continue;
        // The replicas are sorted, so on a tie (1 in 2^32) the smaller id keeps it.
        const w = weight(replicaId, jobId);
        if (w > best) [best, owner] = [w, replicaId];
      }
      this.owners.set(jobId, owner);
      load.set(owner, load.get(owner)! + 1);
    }
    this.stale = false;
  }
}

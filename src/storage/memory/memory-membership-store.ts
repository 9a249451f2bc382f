import type { MembershipStore, ReplicaInfo } from '../membership-store.js';

/** The single-process {@link MembershipStore}: the same contract, on this process's clock. */
export class MemoryMembershipStore implements MembershipStore {
  private readonly replicas = new Map<string, { info: ReplicaInfo; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async heartbeat(self: ReplicaInfo, ttlMs: number): Promise<ReplicaInfo[]> {
    const now = this.now();
    for (const [id, { until }] of this.replicas) if (until <= now) this.replicas.delete(id);
    this.replicas.set(self.id, { info: structuredClone(self), until: now + ttlMs });
    return [...this.replicas.values()].map(({ info }) => structuredClone(info));
  }

  async leave(id: string): Promise<void> {
    this.replicas.delete(id);
  }
}

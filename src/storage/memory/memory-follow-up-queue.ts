import type { FollowUp, FollowUpQueue } from '../follow-up-queue.js';

/** The single-process {@link FollowUpQueue}; the memory job store queues a recorded run's entry into it. */
export class MemoryFollowUpQueue implements FollowUpQueue {
  private readonly entries = new Map<string, { body: string; dueMs: number }>();

  async add(entry: FollowUp, dueMs: number): Promise<void> {
    if (!this.entries.has(entry.id)) this.entries.set(entry.id, { body: entry.body, dueMs });
  }

  async claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<FollowUp[]> {
    const due = [...this.entries].filter(([, entry]) => entry.dueMs <= nowMs).sort((a, b) => a[1].dueMs - b[1].dueMs).slice(0, limit);
    for (const [, entry] of due) entry.dueMs = nowMs + visibilityMs;
    return due.map(([id, entry]) => ({ id, body: entry.body }));
  }

  async nextDueMs(): Promise<number | null> {
    return this.entries.size === 0 ? null : Math.min(...[...this.entries.values()].map((entry) => entry.dueMs));
  }

  async complete(id: string): Promise<void> {
    this.entries.delete(id);
  }
}

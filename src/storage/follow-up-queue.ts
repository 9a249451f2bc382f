import type { RunRecord } from '../scheduler/job.js';

/** What a follow-up is: its id in the queue, and its body, the JSON its handler reads. */
export interface FollowUp {
  id: string;
  body: string;
}

/**
 * Durable work that follows a store write: what a recorded run sets off (its notifications,
 * chained runs and retry), and a retry waiting for its time. An entry is claimed by one replica at a
 * time, hidden from other claims for the claim's visibility, and stays queued until its handler
 * completes it: if that replica dies first, another claims it once the visibility is over.
 */
export interface FollowUpQueue {
  /** Queues the entry, due at `dueMs`; does nothing when an entry of that id is queued already. */
  add(entry: FollowUp, dueMs: number): Promise<void>;
  /** Up to `limit` entries due at `nowMs`, each hidden from other claims until `nowMs + visibilityMs`. */
  claimDue(nowMs: number, visibilityMs: number, limit: number): Promise<FollowUp[]>;
  /** When the earliest entry is due (or its claim ends), epoch ms; null when the queue is empty. */
  nextDueMs(): Promise<number | null>;
  /** Removes the entry: its work is done. */
  complete(id: string): Promise<void>;
}

/** The id of the follow-up that {@link JobStore.recordRun} queues for a run. */
export const runFollowUpId = (runId: string) => `run:${runId}`;

/** The body of that follow-up: `{"kind":"run","run":<the record>}`. */
export interface RunFollowUpBody {
  kind: 'run';
  run: RunRecord;
}

export const FOLLOW_UP_QUEUE = Symbol('FOLLOW_UP_QUEUE');

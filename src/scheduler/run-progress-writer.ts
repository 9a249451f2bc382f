import type { RunRecord } from './job.js';

/** How often the stored record of a run in progress is brought up to date at most. */
export const PROGRESS_INTERVAL_MS = 1000;

/**
 * Counts the symbols a run has done and writes its `running` record with that count, at most once
 * per {@link PROGRESS_INTERVAL_MS} and one write at a time: a thousand symbols cost a handful of
 * writes, not a thousand. The final record replaces it, so no last write is owed.
 */
export class RunProgressWriter {
  private lastWrite = 0;
  private writing = false;
  private stopped = false;

  constructor(
    private readonly record: RunRecord,
    private readonly write: (record: RunRecord) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {
    this.lastWrite = now();
  }

  get done(): number {
    return this.record.progress.done;
  }

  /** `count` more symbols done (fetched or failed). */
  symbolsDone(count = 1): void {
    this.record.progress.done += count;
    if (this.stopped || this.writing || this.now() - this.lastWrite < PROGRESS_INTERVAL_MS) return;
    this.writing = true;
    this.lastWrite = this.now();
    void this.write(structuredClone(this.record))
      .catch(() => undefined) // progress is best effort; the outcome is what must be stored
      .finally(() => (this.writing = false));
  }

  /** No more writes: the run is about to be recorded. */
  stop(): void {
    this.stopped = true;
  }
}

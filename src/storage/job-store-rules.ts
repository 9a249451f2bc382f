import type { ScheduledJob } from '../scheduler/job.js';
import { findShapeProblem } from '../validation/json-shape.js';
import { InvalidStoreInputError } from './store-errors.js';

// Semantics every JobStore adapter shares, kept here so the adapters cannot drift apart.

/** Oldest first, ties broken by id, so every adapter lists jobs in the same stable order. */
export function byCreation(a: Pick<ScheduledJob, 'created_at' | 'job_id'>, b: Pick<ScheduledJob, 'created_at' | 'job_id'>): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  if (a.job_id === b.job_id) return 0;
  return a.job_id < b.job_id ? -1 : 1;
}

/** A run history must keep at least one record; `keep` below 1 is a caller bug, not "keep none". */
export function assertKeep(keep: number): void {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be an integer >= 1, got ${keep}`);
}

/**
 * Refuses, before anything is written, a value the Redis adapter's scripts could not read back:
 * cjson rejects the `\ud800` escape JSON.stringify writes for a lone surrogate.
 */
export function assertStorable(value: object, what: string): void {
  const found = findShapeProblem(value);
  if (found) throw new InvalidStoreInputError(`${what}: ${found.path} is ${found.problem}`);
}

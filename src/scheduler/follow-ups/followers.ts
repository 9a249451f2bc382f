import type { AuditEntry } from '../../storage/audit-log.js';
import type { RunRecord, ScheduledJob } from '../job.js';

/**
 * Something that follows a store write. `wants` decides, before the write, whether anything is to
 * follow it (nothing is queued for a write no follower wants). `follow` is called at least once per
 * write (again by another replica if the one that wrote dies first), so it must be idempotent; one
 * that throws has the whole follow-up made again later.
 */
export interface Follower<T> {
  wants(subject: T): boolean | Promise<boolean>;
  follow(subject: T): Promise<void>;
}

/**
 * A recorded run. `job` is the job as the record left it, or, when another replica makes the
 * follow-up of one that died, as it is now (null once deleted).
 */
export interface FollowedRun {
  run: RunRecord;
  job: ScheduledJob | null;
}

/** A change of a job through the API: the job as it was made (create, update, start, stop) or as it was (delete). */
export interface FollowedChange {
  /** The change's follow-up id: what makes its deliveries the same however often it is followed. */
  id: string;
  action: AuditEntry['action'];
  job: ScheduledJob;
}

/** The followers of one kind of write. */
export class Followers<T> {
  private readonly all: Follower<T>[] = [];

  add(follower: Follower<T>): void {
    this.all.push(follower);
  }

  /** Whether a follower wants to follow `subject`; yes when one cannot tell. */
  async wanted(subject: T): Promise<boolean> {
    for (const follower of this.all) if (await Promise.resolve(follower.wants(subject)).catch(() => true)) return true;
    return false;
  }

  /** Every follower follows `subject`; throws the first failure once all have tried. */
  async follow(subject: T): Promise<void> {
    const outcomes = await Promise.allSettled(this.all.map((follower) => follower.follow(subject)));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

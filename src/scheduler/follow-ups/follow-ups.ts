import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { FOLLOW_UP_QUEUE, runFollowUpId, type FollowUp, type FollowUpQueue, type RunFollowUpBody } from '../../storage/follow-up-queue.js';
import { DueLoop } from '../due-loop.js';
import type { RunRecord, ScheduledJob } from '../job.js';
import { JobRegistry } from '../job-registry.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../scheduler-options.js';

/**
 * What follows a recorded run. `wants` decides, before the run is recorded, whether anything is to
 * follow (nothing is queued for a run no follower wants). `follow` gets the job as the record left
 * it, or, when another replica makes the follow-up of one that died, as it is now (null once
 * deleted); it is called at least once per run, so it must be idempotent, and one that throws has
 * the whole follow-up made again later.
 */
export interface RunFollower {
  wants(run: RunRecord, job: ScheduledJob): boolean | Promise<boolean>;
  follow(run: RunRecord, job: ScheduledJob | null): Promise<void>;
}

/** Entries claimed per look at the queue. */
const BATCH = 50;

/**
 * Makes the follow-ups of recorded runs (queued by the record itself, in the same step, when a
 * follower {@link wanted} one) and of the entries followers {@link add} for later. The replica that
 * recorded a run follows it at once ({@link followNow}); its entry is due a lease TTL later, so if
 * that replica dies first, another claims it then. Between looks it sleeps until the earliest entry
 * is due, at most half a lease TTL.
 */
@Injectable()
export class FollowUps implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUps.name);
  private readonly followers: RunFollower[] = [];
  private readonly handlers = new Map<string, (body: object) => Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private readonly loop = new DueLoop(() => this.tick());

  constructor(
    @Inject(FOLLOW_UP_QUEUE) private readonly queue: FollowUpQueue,
    private readonly registry: JobRegistry,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  /** How long an entry is left to the replica that took it before another may. */
  get visibilityMs(): number {
    return this.options.leaseTtlMs;
  }

  /** Calls `follower` for every recorded run it wants, on the replica that recorded it (or, after its death, another). */
  afterRun(follower: RunFollower): void {
    this.followers.push(follower);
  }

  /** Whether a follower wants to follow `run` of `job` (asked before it is recorded); yes when one cannot tell. */
  async wanted(run: RunRecord, job: ScheduledJob): Promise<boolean> {
    for (const follower of this.followers) if (await Promise.resolve(follower.wants(run, job)).catch(() => true)) return true;
    return false;
  }

  /** Follows a run this replica has just recorded with its follow-up queued, then removes the entry. */
  followNow(run: RunRecord, job: ScheduledJob): void {
    const work = this.follow(runFollowUpId(run.run_id), () => this.followRun(run, job));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Handles the entries added with `{ kind }`. */
  handle<T extends { kind: string }>(kind: T['kind'], handler: (body: T) => Promise<void>): void {
    this.handlers.set(kind, handler as (body: object) => Promise<void>);
  }

  /** Queues `body` under `id` (once: an id queued already is left as it is), to be handled at `dueMs` by one replica. */
  async add(id: string, body: { kind: string }, dueMs: number): Promise<void> {
    await this.queue.add({ id, body: JSON.stringify(body) }, dueMs);
    this.loop.wake(dueMs - Date.now());
  }

  onApplicationBootstrap(): void {
    this.loop.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.loop.stop(), ...this.pending]);
  }

  private get pollMs(): number {
    return Math.max(100, this.options.leaseTtlMs / 2);
  }

  /** Does the work of an entry, then removes it; a failure leaves it queued, for a later claim. */
  private async follow(id: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
      await this.queue.complete(id);
    } catch (error) {
      this.logger.warn(`follow-up ${id} not done, tried again in ${Math.round(this.visibilityMs / 1000)} s: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async followRun(run: RunRecord, job: ScheduledJob | null): Promise<void> {
    const outcomes = await Promise.allSettled(this.followers.map((follower) => follower.follow(run, job)));
    const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async handleEntry({ id, body }: FollowUp): Promise<void> {
    const parsed = JSON.parse(body) as { kind: string };
    if (parsed.kind === 'run') {
      const { run } = parsed as RunFollowUpBody;
      return this.follow(id, async () => this.followRun(run, await this.registry.get(run.job_id)));
    }
    const handler = this.handlers.get(parsed.kind);
    if (handler) return this.follow(id, () => handler(parsed));
    this.logger.warn(`follow-up ${id}: no handler for kind ${parsed.kind}; left for a replica that has one`);
  }

  /** Handles a batch of due entries; answers how long to sleep before the next look. */
  private async tick(): Promise<number> {
    try {
      const due = await this.queue.claimDue(Date.now(), this.visibilityMs, BATCH);
      await Promise.all(due.map((entry) => this.handleEntry(entry)));
      if (due.length === BATCH) return 0;
      const next = await this.queue.nextDueMs();
      return Math.min(next === null ? Infinity : next - Date.now(), this.pollMs);
    } catch (error) {
      this.logger.warn(`follow-up queue: ${error instanceof Error ? error.message : String(error)}`);
      return this.pollMs;
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { FOLLOW_UP_QUEUE, runFollowUpId, type FollowUp, type FollowUpQueue, type RunFollowUpBody } from '../../storage/follow-up-queue.js';
import { DueLoop } from '../due-loop.js';
import type { RunRecord, ScheduledJob } from '../job.js';
import { JobRegistry } from '../job-registry.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../scheduler-options.js';
import { Followers, type FollowedChange, type FollowedRun } from './followers.js';

/** What is queued before a job change is written: made only if the write happened. */
interface ChangeFollowUpBody extends Omit<FollowedChange, 'id'> {
  kind: 'change';
  /** The `updated_at` the change writes. */
  updated_at: string;
}

/** Entries claimed per look at the queue. */
const BATCH = 50;

/**
 * Makes the follow-ups of the store's writes, durably: of a recorded run (queued by the record
 * script itself, in the same step), of a job change (queued just before the change is written, and
 * made only if the write happened), and the entries followers {@link add} for later (a retry). The
 * replica that wrote follows at once; the entry is due a lease TTL later, so if that replica dies
 * first, another claims it then. Between looks it sleeps until the earliest entry is due, at most
 * half a lease TTL.
 */
@Injectable()
export class FollowUps implements OnApplicationBootstrap, OnApplicationShutdown {
  /** What follows a recorded run: webhooks, mail, chained runs, a retry. */
  readonly runs = new Followers<FollowedRun>();
  /** What follows a job change: webhooks. */
  readonly changes = new Followers<FollowedChange>();
  private readonly logger = new Logger(FollowUps.name);
  private readonly handlers = new Map<string, (body: object) => Promise<void>>();
  private readonly pending = new Set<Promise<void>>();
  private readonly loop = new DueLoop(() => this.tick());

  constructor(
    @Inject(FOLLOW_UP_QUEUE) private readonly queue: FollowUpQueue,
    private readonly registry: JobRegistry,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  /** When an entry written now is due, should its writer die before removing it. */
  get dueMs(): number {
    return Date.now() + this.options.leaseTtlMs;
  }

  /** Follows a run this replica has just recorded with its follow-up queued, then removes the entry. */
  followRun(run: RunRecord, job: ScheduledJob): void {
    const work = this.follow(runFollowUpId(run.run_id), () => this.runs.follow({ run, job }));
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /**
   * Queues the follow-up of a job change about to be written, under `id`, if a follower wants it;
   * answers whether it did (then {@link followChange} once written). `job` is the job as the change
   * will leave it (as it was, for a delete).
   */
  async beforeChange(id: string, action: FollowedChange['action'], job: ScheduledJob): Promise<boolean> {
    if (!(await this.changes.wanted({ id, action, job }))) return false;
    const body: ChangeFollowUpBody = { kind: 'change', action, job, updated_at: job.updated_at };
    await this.queue.add({ id, body: JSON.stringify(body) }, this.dueMs);
    return true;
  }

  /** Follows a job change this replica has just written, then removes its entry. */
  followChange(change: FollowedChange): Promise<void> {
    return this.follow(change.id, () => this.changes.follow(change));
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
      this.logger.warn(`follow-up ${id} not done, tried again in ${Math.round(this.options.leaseTtlMs / 1000)} s: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The follow-up of a writer that died: a run as recorded, a change only if it was written. */
  private async handleEntry({ id, body }: FollowUp): Promise<void> {
    const parsed = JSON.parse(body) as { kind: string };
    if (parsed.kind === 'run') {
      const { run } = parsed as RunFollowUpBody;
      return this.follow(id, async () => this.runs.follow({ run, job: await this.registry.get(run.job_id) }));
    }
    if (parsed.kind === 'change') {
      const { action, job, updated_at } = parsed as ChangeFollowUpBody;
      return this.follow(id, async () => {
        const now = await this.registry.get(job.job_id);
        const written = action === 'delete' ? now === null : now !== null && Date.parse(now.updated_at) >= Date.parse(updated_at);
        if (written) await this.changes.follow({ id, action, job: action === 'delete' || action === 'create' ? job : now! });
      });
    }
    const handler = this.handlers.get(parsed.kind);
    if (handler) return this.follow(id, () => handler(parsed));
    this.logger.warn(`follow-up ${id}: no handler for kind ${parsed.kind}; left for a replica that has one`);
  }

  /** Handles a batch of due entries; answers how long to sleep before the next look. */
  private async tick(): Promise<number> {
    try {
      const due = await this.queue.claimDue(Date.now(), this.options.leaseTtlMs, BATCH);
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

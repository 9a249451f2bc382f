import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { MEMBERSHIP_STORE, type MembershipStore, type ReplicaInfo } from '../../storage/membership-store.js';
import { RESOLVED_OPTIONS, type ResolvedSchedulerOptions } from '../scheduler-options.js';

/** Who came and who went, by replica id. */
export interface MembershipChange {
  joined: string[];
  left: string[];
}

/** Beats missed before a replica counts as gone. */
const BEATS_TO_LIVE = 3;

/**
 * This replica's place among the live ones: it beats every `heartbeatIntervalMs` and reads who else
 * does: the jobs are shared out among them (JobShares). Until its first beat, and
 * while the store does not answer, it keeps the membership it saw last (alone, at first).
 */
@Injectable()
export class ReplicaMembership implements BeforeApplicationShutdown {
  readonly id = randomUUID();
  private readonly logger = new Logger(ReplicaMembership.name);
  private readonly startedAt = new Date().toISOString();
  private readonly listeners = new Set<(change: MembershipChange) => void | Promise<void>>();
  private replicas: ReplicaInfo[] = [];
  private ids: string[] = [this.id];
  private timer: NodeJS.Timeout | undefined;
  private first: Promise<void> | null = null;
  private failing = false;
  private beaten = false;
  private load: () => Pick<ReplicaInfo, 'jobs_owned' | 'runs_in_progress'> = () => ({ jobs_owned: 0, runs_in_progress: 0 });

  constructor(
    @Inject(MEMBERSHIP_STORE) private readonly store: MembershipStore,
    @Inject(RESOLVED_OPTIONS) private readonly options: ResolvedSchedulerOptions,
  ) {}

  /** Beats once (settles when it did, or failed), then every interval; idempotent. */
  start(): Promise<void> {
    this.first ??= this.beat().then(() => {
      this.timer = setInterval(() => void this.beat(), this.options.heartbeatIntervalMs);
      this.timer.unref();
    });
    return this.first;
  }

  /** The live replicas as they said last (this one as it is now). */
  live(): ReplicaInfo[] {
    return this.replicas.some((replica) => replica.id === this.id) ? this.replicas : [...this.replicas, this.info()];
  }

  /** The ids of the live replicas (this one among them), sorted. */
  liveIds(): readonly string[] {
    return this.ids;
  }

  /** Whether `replicaId` is known to be gone: it is not among the live ones of a beat that succeeded. */
  isGone(replicaId: string): boolean {
    return this.beaten && !this.ids.includes(replicaId);
  }

  /** What each beat says of this replica's load (the scheduler's CronJobs and runs). */
  reportWith(load: () => Pick<ReplicaInfo, 'jobs_owned' | 'runs_in_progress'>): void {
    this.load = load;
  }

  /** Calls `listener` when replicas come or go (after the first beat). */
  onChange(listener: (change: MembershipChange) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // The others take this replica's jobs at their next beat instead of after its last one runs out.
    if (this.first) await this.store.leave(this.id).catch(() => undefined);
  }

  private info(): ReplicaInfo {
    return { id: this.id, host: hostname(), pid: process.pid, started_at: this.startedAt, ...this.load() };
  }

  private async beat(): Promise<void> {
    let replicas: ReplicaInfo[];
    try {
      replicas = await this.store.heartbeat(this.info(), this.options.heartbeatIntervalMs * BEATS_TO_LIVE);
    } catch (error) {
      if (!this.failing) this.logger.warn(`heartbeat failed, keeping the ${this.ids.length} replica(s) seen last: ${error instanceof Error ? error.message : String(error)}`);
      this.failing = true;
      return;
    }
    this.failing = false;
    this.beaten = true;
    this.replicas = replicas.sort((a, b) => a.started_at.localeCompare(b.started_at) || a.id.localeCompare(b.id));
    const ids = replicas.map((replica) => replica.id).sort();
    const change: MembershipChange = { joined: ids.filter((id) => !this.ids.includes(id)), left: this.ids.filter((id) => !ids.includes(id)) };
    this.ids = ids;
    if (change.joined.length === 0 && change.left.length === 0) return;
    this.logger.log(`replicas: ${ids.length} live (${change.joined.length} joined, ${change.left.length} left)`);
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(change))
        .catch((error: unknown) => this.logger.warn(`a membership listener failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }
}

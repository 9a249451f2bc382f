import type { SchedulerEvent, SchedulerEventType } from '../scheduler/events/scheduler-event.js';

/** What the log answers for a resume: the events after an id, and whether any were trimmed before them. */
export interface EventsSince {
  events: SchedulerEvent[];
  /** False when the id is older than the oldest event kept: some events in between are gone. */
  complete: boolean;
}

/**
 * The scheduler's events shared by every replica, in one order, with ids a client can resume from
 * (`Last-Event-ID`). Bounded: the oldest events are trimmed past {@link EVENT_LOG_LENGTH}.
 */
export interface EventLog {
  append(type: SchedulerEventType, data: object): Promise<void>;
  /** Events after `id`, oldest first. */
  since(id: string): Promise<EventsSince>;
  /** Calls `handler` for every event appended from now on, by any replica. */
  subscribe(handler: (event: SchedulerEvent) => void): () => void;
}

/** Events kept for a resume: at a run's progress every second, about the last minutes of a busy scheduler. */
export const EVENT_LOG_LENGTH = 10_000;

export const EVENT_LOG = Symbol('EVENT_LOG');

/** Whether stream id `a` comes after `b` (`ms-seq`, both parts compared as numbers). */
export function isAfter(a: string, b: string): boolean {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs !== bMs ? aMs > bMs : aSeq > bSeq;
}

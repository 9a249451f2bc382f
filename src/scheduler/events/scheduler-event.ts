import type { RunRecord } from '../job.js';

/** What GET /scheduler/events sends; `data` is a run record, a job change or empty. */
export const SCHEDULER_EVENT_TYPES = ['run.started', 'run.progress', 'run.finished', 'job.changed', 'scheduler.paused', 'scheduler.resumed', 'provider.unavailable'] as const;

export type SchedulerEventType = (typeof SCHEDULER_EVENT_TYPES)[number];

export interface SchedulerEvent {
  /** Stream id `ms-seq`: ordered across replicas, what `Last-Event-ID` names. */
  id: string;
  type: SchedulerEventType;
  data: object;
}

/**
 * What a run.* event says of a run: its record without the per-symbol lists, so that an event stays
 * a few hundred bytes however many symbols the run has (the record itself is one GET away).
 */
export type RunSummary = Omit<RunRecord, 'fetched_stocks' | 'failed_stocks' | 'errors' | 'sources'> & { fetched_count: number; failed_count: number };

export function runSummary({ fetched_stocks, failed_stocks, errors: _errors, sources: _sources, ...rest }: RunRecord): RunSummary {
  return { ...rest, fetched_count: fetched_stocks.length, failed_count: failed_stocks.length };
}

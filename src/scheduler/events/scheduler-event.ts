/** What GET /scheduler/events sends; `data` is a run record, a job change or empty. */
export const SCHEDULER_EVENT_TYPES = ['run.started', 'run.progress', 'run.finished', 'job.changed', 'scheduler.paused', 'scheduler.resumed'] as const;

export type SchedulerEventType = (typeof SCHEDULER_EVENT_TYPES)[number];

export interface SchedulerEvent {
  /** Stream id `ms-seq`: ordered across replicas, what `Last-Event-ID` names. */
  id: string;
  type: SchedulerEventType;
  data: object;
}

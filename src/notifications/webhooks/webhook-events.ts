import type { AuditEntry } from '../../storage/audit-log.js';
import type { SchedulerEventType } from '../../scheduler/events/scheduler-event.js';
import type { RunRecord, RunStatus, ScheduledJob } from '../../scheduler/job.js';
import type { WebhookEvent } from './webhook.js';

const RUN_EVENTS: Partial<Record<RunStatus, WebhookEvent>> = {
  success: 'run.succeeded',
  partial_success: 'run.partial_success',
  failed: 'run.failed',
  skipped: 'run.skipped',
};

export interface WebhookMessage {
  event: WebhookEvent;
  /** The job it is about, for endpoints that name job_ids. */
  jobId: string | null;
  /** The `data` of the body: the run record, or the job. */
  data: object;
}

/** The webhook event of a recorded run, or null for a status no webhook carries. */
export function runMessageOf(run: RunRecord): WebhookMessage | null {
  const event = RUN_EVENTS[run.status];
  return event ? { event, jobId: run.job_id, data: run } : null;
}

/** The webhook event of a job change through the API, with the job (as it was, for a delete) as data. */
export function changeMessageOf(action: AuditEntry['action'], job: ScheduledJob): WebhookMessage {
  const event: WebhookEvent = action === 'create' ? 'job.created' : action === 'delete' ? 'job.deleted' : 'job.updated';
  return { event, jobId: job.job_id, data: job };
}

/** The webhook event of a scheduler event that is no write's follow-up (a provider outage), or null for one no webhook carries. */
export function webhookMessageOf(type: SchedulerEventType, detail: object): WebhookMessage | null {
  return type === 'provider.unavailable' ? { event: 'provider.unavailable', jobId: null, data: detail } : null;
}

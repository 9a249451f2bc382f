import type { LastResult, RunRecord, RunStatus, RunTrigger, ScheduledJob } from './job.js';
import type { SymbolOutcome } from '../datasets/dataset-handler.js';
import { runSubjects } from '../datasets/dataset-rules.js';
import { isoInZone } from './time-format.js';

/** A record for a run that has done nothing yet; the executor fills it in. */
export function newRunRecord(job: ScheduledJob, runId: string, trigger: RunTrigger, scheduledFor: Date | null, startTime: string, queuedMs = 0): RunRecord {
  return {
    run_id: runId,
    job_id: job.job_id,
    job_name: job.name,
    dataset: job.dataset,
    trigger,
    scheduled_for: scheduledFor ? isoInZone(scheduledFor, job.timezone) : null,
    start_time: startTime,
    end_time: startTime,
    status: 'success',
    fetched_stocks: [],
    failed_stocks: [],
    errors: [],
    points_written: 0,
    items_rejected: 0,
    bars_rejected: 0,
    duration_ms: 0,
    queued_ms: queuedMs,
    reason: null,
    progress: { done: 0, total: runSubjects(job).length },
  };
}

/** The record with every symbol's outcome counted in, and the status they make. */
export function withOutcomes(record: RunRecord, outcomes: readonly SymbolOutcome[]): RunRecord {
  for (const outcome of outcomes) {
    // A symbol whose every item failed validation failed, and its items count as rejected too.
    record.items_rejected += outcome.rejected;
    record.bars_rejected = record.items_rejected;
    if ('error' in outcome) {
      record.failed_stocks.push(outcome.symbol);
      record.errors.push(outcome.error);
    } else {
      record.fetched_stocks.push(outcome.symbol);
      record.points_written += outcome.written;
      if (outcome.source) (record.sources ??= {})[outcome.symbol] = outcome.source;
    }
  }
  record.progress = { done: outcomes.length, total: record.progress.total };
  record.status = runStatusOf(record);
  return record;
}

/** Seed 000's rule: no failure is success, some is partial success, all is failure. */
export function runStatusOf(record: Pick<RunRecord, 'fetched_stocks' | 'failed_stocks'>): RunStatus {
  if (record.failed_stocks.length === 0) return 'success';
  return record.fetched_stocks.length > 0 ? 'partial_success' : 'failed';
}

export function lastResultOf(record: RunRecord): LastResult {
  return {
    run_id: record.run_id,
    status: record.status,
    trigger: record.trigger,
    end_time: record.end_time,
    fetched_count: record.fetched_stocks.length,
    failed_count: record.failed_stocks.length,
    points_written: record.points_written,
  };
}

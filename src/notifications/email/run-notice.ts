import type { RunRecord, ScheduledJob } from '../../scheduler/job.js';

const WORDS: Record<string, string> = { success: 'succeeded', partial_success: 'partly succeeded', failed: 'failed', skipped: 'was skipped' };
/** Errors listed in one mail; the rest are one line. */
const ERRORS_SHOWN = 50;

/** The plain mail about a run: what ended how, which symbols failed and why, where to look. */
export function runNotice(job: ScheduledJob, run: RunRecord, dashboardUrl: string | null): { subject: string; text: string } {
  const outcome = WORDS[run.status] ?? run.status;
  const total = run.fetched_stocks.length + run.failed_stocks.length;
  const subject = `[stock-data-scheduler] ${job.name}: run ${outcome}${total ? ` (${run.fetched_stocks.length} of ${total} symbols)` : ''}`;
  const lines = [
    `Job "${job.name}" (${job.dataset}, ${job.job_id})`,
    `Run ${run.run_id} ${outcome}: trigger ${run.trigger}, started ${run.start_time}, ended ${run.end_time} (${run.duration_ms} ms).`,
    `Fetched ${run.fetched_stocks.length}, failed ${run.failed_stocks.length}, ${run.points_written} items written.`,
  ];
  if (run.reason) lines.push(`Reason: ${run.reason}`);
  if (run.errors.length) {
    lines.push('', 'Failing symbols:');
    for (const error of run.errors.slice(0, ERRORS_SHOWN)) lines.push(`  ${error.symbol}: ${error.kind}: ${error.error}`);
    if (run.errors.length > ERRORS_SHOWN) lines.push(`  … and ${run.errors.length - ERRORS_SHOWN} more`);
  }
  if (dashboardUrl) lines.push('', `Dashboard: ${dashboardUrl}#/jobs/${job.job_id}`);
  lines.push('', `You get this mail because the job's notify_email lists you, for runs that ${(job.notify_on ?? []).join(', ')}.`);
  return { subject, text: `${lines.join('\n')}\n` };
}

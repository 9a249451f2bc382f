import type { RunRecord, ScheduledJob } from '../../scheduler/job.js';
import { changeMessageOf, runMessageOf, webhookMessageOf } from './webhook-events.js';

const run = (status: RunRecord['status']) => ({ run_id: 'r', job_id: 'j', status }) as RunRecord;

describe('runMessageOf', () => {
  it('names a recorded run by its outcome, with its record as data', () => {
    expect(runMessageOf(run('success'))).toEqual({ event: 'run.succeeded', jobId: 'j', data: run('success') });
    expect(runMessageOf(run('partial_success'))?.event).toBe('run.partial_success');
    expect(runMessageOf(run('failed'))?.event).toBe('run.failed');
    expect(runMessageOf(run('skipped'))?.event).toBe('run.skipped');
    expect(runMessageOf(run('running'))).toBeNull();
  });
});

describe('webhookMessageOf', () => {
  it('names a job change by what it did, with the job (as it was, for a delete) as data', () => {
    const job = { job_id: 'j', name: 'n' } as ScheduledJob;
    expect(changeMessageOf('create', job)).toEqual({ event: 'job.created', jobId: 'j', data: job });
    for (const action of ['update', 'start', 'stop'] as const) expect(changeMessageOf(action, job).event).toBe('job.updated');
    expect(changeMessageOf('delete', job).event).toBe('job.deleted');
  });

  it('passes provider.unavailable on for every job, and carries no start, progress, pause, nor the events whose writes are followed', () => {
    const detail = { provider: 'yahoo', reason: 'circuit open', at: '2026-12-04T00:00:00.000Z' };
    expect(webhookMessageOf('provider.unavailable', detail)).toEqual({ event: 'provider.unavailable', jobId: null, data: detail });
    for (const type of ['run.started', 'run.progress', 'run.finished', 'job.changed', 'scheduler.paused', 'scheduler.resumed'] as const) expect(webhookMessageOf(type, {})).toBeNull();
  });
});

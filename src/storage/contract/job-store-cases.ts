/// <reference types="jest" />
import type { StoreFixture } from '../store-contract.js';
import { makeJob, makeRun } from './fixtures.js';
import { describeJobPatchCases } from './job-patch-cases.js';
import { describeJobTextCases } from './job-text-cases.js';

export function describeJobStoreCases(stores: () => StoreFixture): void {
  describe('JobStore', () => {
    it('returns a created job from get and getMany, and null for an unknown id', async () => {
      const { jobs } = stores();
      const job = makeJob();
      await jobs.create(job);
      expect(await jobs.get(job.job_id)).toEqual(job);
      expect(await jobs.get('no-such-job')).toBeNull();
      expect(await jobs.getMany(['no-such-job', job.job_id])).toEqual([null, job]);
      expect(await jobs.getMany([])).toEqual([]);
    });

    it('keeps stored state apart from the objects callers hold', async () => {
      const { jobs } = stores();
      const job = makeJob();
      await jobs.create(job);
      job.stock_ids.push('TSLA');
      const read = await jobs.get(job.job_id);
      read!.stock_ids.push('GOOG');
      (await jobs.list())[0]!.name = 'changed';
      expect(await jobs.get(job.job_id)).toEqual(makeJob({ job_id: job.job_id }));
    });

    it('lists nothing when empty', async () => {
      expect(await stores().jobs.list()).toEqual([]);
    });

    it('lists jobs by created_at, then job_id', async () => {
      const { jobs } = stores();
      const late = makeJob({ job_id: 'a', created_at: '2025-03-01T00:00:00.000Z' });
      const earlyB = makeJob({ job_id: 'b', created_at: '2025-01-01T00:00:00.000Z' });
      const earlyC = makeJob({ job_id: 'c', created_at: '2025-01-01T00:00:00.000Z' });
      const middle = makeJob({ job_id: 'd', created_at: '2025-02-01T00:00:00.000Z' });
      for (const job of [late, earlyC, middle, earlyB]) await jobs.create(job);
      expect((await jobs.list()).map((job) => job.job_id)).toEqual(['b', 'c', 'd', 'a']);
      expect(await jobs.list()).toEqual([earlyB, earlyC, middle, late]);
    });

    it('deletes a job, its index entry and its runs, reporting whether it existed', async () => {
      const { jobs } = stores();
      const job = makeJob();
      const other = makeJob();
      await jobs.create(job);
      await jobs.create(other);
      await jobs.recordRun(makeRun(job.job_id, 1), 10, {});
      await jobs.recordRun(makeRun(other.job_id, 1), 10, {});

      expect(await jobs.delete(job.job_id)).toBe(true);
      expect(await jobs.get(job.job_id)).toBeNull();
      expect(await jobs.list()).toEqual([other]);
      expect(await jobs.listRuns(job.job_id, 10)).toEqual([]);
      expect(await jobs.listRuns(other.job_id, 10)).toHaveLength(1);
      expect(await jobs.delete(job.job_id)).toBe(false);
    });

    it('lists runs newest first and keeps only the newest `keep`', async () => {
      const { jobs } = stores();
      await jobs.create(makeJob({ job_id: 'job-1' }));
      for (let n = 1; n <= 5; n++) await jobs.recordRun(makeRun('job-1', n), 3, {});
      expect(await jobs.listRuns('job-1', 10)).toEqual([makeRun('job-1', 5), makeRun('job-1', 4), makeRun('job-1', 3)]);
      expect((await jobs.listRuns('job-1', 2)).map((run) => run.run_id)).toEqual(['run-5', 'run-4']);
      expect(await jobs.listRuns('job-1', 0)).toEqual([]);
      expect(await jobs.listRuns('job-2', 10)).toEqual([]);
    });

    it('rejects a `keep` below 1 instead of silently keeping everything or nothing', async () => {
      const { jobs } = stores();
      await jobs.create(makeJob({ job_id: 'job-1' }));
      await expect(jobs.recordRun(makeRun('job-1', 1), 0, {})).rejects.toThrow(RangeError);
      expect(await jobs.listRuns('job-1', 10)).toEqual([]);
    });

    it('records a run and patches its job in one step, and writes neither for a job that is gone', async () => {
      const { jobs } = stores();
      const job = makeJob();
      await jobs.create(job);
      const updated = await jobs.recordRun(makeRun(job.job_id, 1), 10, { status: 'completed', last_run: '2026-01-05T14:30:00.000Z' });
      expect(updated).toEqual({ ...job, status: 'completed', last_run: '2026-01-05T14:30:00.000Z' });
      expect(await jobs.get(job.job_id)).toEqual(updated);
      expect(await jobs.listRuns(job.job_id, 10)).toEqual([makeRun(job.job_id, 1)]);

      expect(await jobs.recordRun(makeRun('gone', 1), 10, { status: 'completed' })).toBeNull();
      expect(await jobs.get('gone')).toBeNull();
      expect(await jobs.listRuns('gone', 10)).toEqual([]);
    });

    it('keeps the run in progress from its start until it is recorded, and only that run clears it', async () => {
      const { jobs } = stores();
      const job = makeJob();
      await jobs.create(job);
      const running = { ...makeRun(job.job_id, 1), status: 'running' as const };
      const started = await jobs.startRun(running, { status: 'running', last_run: running.start_time });
      expect(started).toEqual({ ...job, status: 'running', last_run: running.start_time });
      expect(await jobs.currentRun(job.job_id)).toEqual(running);

      // A fire skipped meanwhile is another run: the current one stays.
      await jobs.recordRun({ ...makeRun(job.job_id, 2), status: 'skipped' }, 10, {});
      expect(await jobs.currentRun(job.job_id)).toEqual(running);
      const progressed = { ...running, progress: { done: 1, total: 2 } };
      expect(await jobs.updateCurrentRun(progressed)).toBe(true);
      expect(await jobs.currentRun(job.job_id)).toEqual(progressed);
      expect(await jobs.updateCurrentRun({ ...progressed, run_id: 'run-2' })).toBe(false);
      await jobs.recordRun(makeRun(job.job_id, 1), 10, { status: 'completed' });
      expect(await jobs.currentRun(job.job_id)).toBeNull();
      // A progress write that arrives after its run was recorded brings nothing back.
      expect(await jobs.updateCurrentRun(progressed)).toBe(false);
      expect(await jobs.currentRun(job.job_id)).toBeNull();
      expect((await jobs.listRuns(job.job_id, 10)).map((run) => run.run_id)).toEqual(['run-1', 'run-2']);
    });

    it('records a run onlyIfCurrent only while it is the current run', async () => {
      const { jobs } = stores();
      const job = makeJob();
      await jobs.create(job);
      const running = { ...makeRun(job.job_id, 1), status: 'running' as const };
      await jobs.startRun(running, { status: 'running' });
      const lost = { ...makeRun(job.job_id, 1), status: 'failed' as const };
      // Recorded by its own replica first: the late "lost" record writes nothing.
      await jobs.recordRun(makeRun(job.job_id, 1), 10, { status: 'completed' });
      expect(await jobs.recordRun(lost, 10, { status: 'failed' }, { onlyIfCurrent: true })).toBeNull();
      expect((await jobs.get(job.job_id))?.status).toBe('completed');
      expect((await jobs.listRuns(job.job_id, 10)).map((run) => run.status)).toEqual([makeRun(job.job_id, 1).status]);

      await jobs.startRun({ ...makeRun(job.job_id, 2), status: 'running' }, { status: 'running' });
      expect(await jobs.recordRun({ ...lost, run_id: 'run-2' }, 10, { status: 'failed' }, { onlyIfCurrent: true })).toMatchObject({ status: 'failed' });
      expect(await jobs.currentRun(job.job_id)).toBeNull();
      expect((await jobs.listRuns(job.job_id, 10)).map((run) => run.run_id)).toEqual(['run-2', 'run-1']);
    });

    it('starts no run for a job that is gone, and deletes the current run with its job', async () => {
      const { jobs } = stores();
      expect(await jobs.startRun(makeRun('gone', 1), { status: 'running' })).toBeNull();
      expect(await jobs.currentRun('gone')).toBeNull();
      expect(await jobs.get('gone')).toBeNull();

      const job = makeJob();
      await jobs.create(job);
      await jobs.startRun(makeRun(job.job_id, 1), { status: 'running' });
      expect(await jobs.delete(job.job_id)).toBe(true);
      expect(await jobs.currentRun(job.job_id)).toBeNull();
    });

    it('answers ping', async () => {
      await expect(stores().jobs.ping()).resolves.toBeUndefined();
    });

    describeJobPatchCases(stores);
    describeJobTextCases(stores);
  });
}

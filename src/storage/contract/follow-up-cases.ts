/// <reference types="jest" />
import { runFollowUpId, type RunFollowUpBody } from '../follow-up-queue.js';
import type { StoreFixture } from '../store-contract.js';
import { makeJob, makeRun } from './fixtures.js';

export function describeFollowUpCases(stores: () => StoreFixture): void {
  describe('FollowUpQueue', () => {
    it('queues a recorded run in the record step, with the record as its body', async () => {
      const { jobs, followUps } = stores();
      await jobs.create(makeJob({ job_id: 'job-a' }));
      const run = makeRun('job-a', 1);
      await jobs.recordRun(run, 10, { status: 'completed' }, { followUpDueMs: 5000 });
      expect(await followUps.nextDueMs()).toBe(5000);
      expect(await followUps.claimDue(4999, 1000, 10)).toEqual([]);
      const [entry, ...rest] = await followUps.claimDue(5000, 1000, 10);
      expect(rest).toEqual([]);
      expect(entry!.id).toBe(runFollowUpId(run.run_id));
      expect(JSON.parse(entry!.body) as RunFollowUpBody).toEqual({ kind: 'run', run });
    });

    it('queues nothing for a record without a due time, or a record that is not written', async () => {
      const { jobs, followUps } = stores();
      await jobs.create(makeJob({ job_id: 'job-a' }));
      await jobs.recordRun(makeRun('job-a', 1), 10, {});
      expect(await jobs.recordRun(makeRun('job-gone', 2), 10, {}, { followUpDueMs: 1 })).toBeNull();
      expect(await jobs.recordRun(makeRun('job-a', 3), 10, {}, { followUpDueMs: 1, onlyIfCurrent: true })).toBeNull();
      expect(await followUps.nextDueMs()).toBeNull();
    });

    it('hides a claimed entry until its visibility ends, keeps it until completed, and adds an id once', async () => {
      const { followUps } = stores();
      await followUps.add({ id: 'retry:1', body: '{"kind":"retry","n":1}' }, 100);
      await followUps.add({ id: 'retry:1', body: '{"kind":"retry","n":2}' }, 50);
      await followUps.add({ id: 'retry:2', body: '{"kind":"retry","n":3}' }, 200);
      expect(await followUps.nextDueMs()).toBe(100);
      expect(await followUps.claimDue(150, 1000, 10)).toEqual([{ id: 'retry:1', body: '{"kind":"retry","n":1}' }]);
      expect(await followUps.claimDue(150, 1000, 10)).toEqual([]);
      expect(await followUps.nextDueMs()).toBe(200);
      expect((await followUps.claimDue(1150, 1000, 10)).map((entry) => entry.id)).toEqual(['retry:2', 'retry:1']);
      await followUps.complete('retry:1');
      await followUps.complete('retry:2');
      expect(await followUps.nextDueMs()).toBeNull();
      expect(await followUps.claimDue(Number.MAX_SAFE_INTEGER, 1000, 10)).toEqual([]);
    });

    it('claims at most the limit, earliest first', async () => {
      const { followUps } = stores();
      for (const n of [3, 1, 2]) await followUps.add({ id: `e${n}`, body: '{}' }, n);
      expect((await followUps.claimDue(10, 1000, 2)).map((entry) => entry.id)).toEqual(['e1', 'e2']);
      expect((await followUps.claimDue(10, 1000, 2)).map((entry) => entry.id)).toEqual(['e3']);
    });
  });
}

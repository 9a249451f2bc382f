/// <reference types="jest" />
import type { JobChange } from '../coordinator.js';
import type { StoreFixture } from '../store-contract.js';
import { makeJob } from './fixtures.js';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

export function describeCoordinatorCases(stores: () => StoreFixture): void {
  describe('Coordinator', () => {
    // Claims are kept only for jobs that exist.
    beforeEach(async () => {
      for (const jobId of ['job-a', 'job-b', 'job-c']) await stores().jobs.create(makeJob({ job_id: jobId }));
    });

    it('lets one claim of an occurrence win, and no claim at or before the last one', async () => {
      const { coordinator } = stores();
      const claim = async (jobId: string, occurrenceMs: number) => (await coordinator.claimOccurrences([{ jobId, occurrenceMs }]))[0];
      expect(await claim('job-a', 2000)).toBe('claimed');
      expect(await claim('job-a', 2000)).toBe('lost');
      expect(await claim('job-a', 1000)).toBe('lost');
      expect(await claim('job-b', 2000)).toBe('claimed');
      expect(await claim('job-a', 3000)).toBe('claimed');
    });

    it('claims a batch in order, each occurrence on its own', async () => {
      const { coordinator } = stores();
      await coordinator.claimOccurrences([{ jobId: 'job-b', occurrenceMs: 4000 }]);
      const batch = [
        { jobId: 'job-a', occurrenceMs: 4000 },
        { jobId: 'job-b', occurrenceMs: 4000 },
        { jobId: 'job-c', occurrenceMs: 4000 },
        { jobId: 'job-a', occurrenceMs: 4000 },
        { jobId: 'job-a', occurrenceMs: 5000 },
      ];
      expect(await coordinator.claimOccurrences(batch)).toEqual(['claimed', 'lost', 'claimed', 'lost', 'claimed']);
      expect(await coordinator.claimOccurrences([])).toEqual([]);
    });

    it('claims nothing for a job that does not exist, nor after it is deleted', async () => {
      const { coordinator, jobs } = stores();
      const lease = { owner: 'run-x', ttlMs: 10_000 };
      expect(await coordinator.claimOccurrences([{ jobId: 'job-x', occurrenceMs: 5000, lease }, { jobId: 'job-a', occurrenceMs: 5000 }])).toEqual([
        'gone',
        'claimed',
      ]);
      expect(await coordinator.isLeased('job-x')).toBe(false);
      // Had the claim of 5000 been kept, this earlier occurrence would be lost.
      await jobs.create(makeJob({ job_id: 'job-x' }));
      expect(await coordinator.claimOccurrences([{ jobId: 'job-x', occurrenceMs: 1000 }])).toEqual(['claimed']);

      await jobs.delete('job-a');
      expect(await coordinator.claimOccurrences([{ jobId: 'job-a', occurrenceMs: 6000 }])).toEqual(['gone']);
    });

    it('gives exactly one of many concurrent claimants the occurrence', async () => {
      const { coordinator } = stores();
      const wins = await Promise.all(Array.from({ length: 12 }, () => coordinator.claimOccurrences([{ jobId: 'job-a', occurrenceMs: 5000 }])));
      expect(wins.flat().filter((outcome) => outcome !== 'lost')).toHaveLength(1);
    });

    it('takes the lease with the claim for a winner that asks, unless it is held', async () => {
      const { coordinator } = stores();
      expect(await coordinator.acquireLease('job-b', 'manual-run', 10_000)).toBe(true);
      const lease = (owner: string) => ({ owner, ttlMs: 10_000 });
      const outcomes = await coordinator.claimOccurrences([
        { jobId: 'job-a', occurrenceMs: 1000, lease: lease('run-a') },
        { jobId: 'job-b', occurrenceMs: 1000, lease: lease('run-b') },
        { jobId: 'job-a', occurrenceMs: 1000, lease: lease('run-a2') },
      ]);
      expect(outcomes).toEqual(['leased', 'claimed', 'lost']);
      // The lease went to run-a and nobody else: only its owner can renew it.
      expect(await coordinator.renewLease('job-a', 'run-a2', 10_000)).toBe(false);
      expect(await coordinator.renewLease('job-a', 'run-a', 10_000)).toBe(true);
      expect(await coordinator.renewLease('job-b', 'manual-run', 10_000)).toBe(true);
    });

    it('holds a lease for its owner only, renews and releases it', async () => {
      const { coordinator } = stores();
      expect(await coordinator.isLeased('job-a')).toBe(false);
      expect(await coordinator.acquireLease('job-a', 'run-1', 10_000)).toBe(true);
      expect(await coordinator.acquireLease('job-a', 'run-2', 10_000)).toBe(false);
      expect(await coordinator.isLeased('job-a')).toBe(true);
      expect(await coordinator.renewLease('job-a', 'run-2', 10_000)).toBe(false);
      expect(await coordinator.renewLease('job-a', 'run-1', 10_000)).toBe(true);
      await coordinator.releaseLease('job-a', 'run-2');
      expect(await coordinator.isLeased('job-a')).toBe(true);
      await coordinator.releaseLease('job-a', 'run-1');
      expect(await coordinator.isLeased('job-a')).toBe(false);
      expect(await coordinator.acquireLease('job-a', 'run-2', 10_000)).toBe(true);
    });

    it('frees a lease nobody renews once it expires', async () => {
      const { coordinator, passTime } = stores();
      expect(await coordinator.acquireLease('job-a', 'run-1', 200)).toBe(true);
      await passTime(300);
      expect(await coordinator.isLeased('job-a')).toBe(false);
      expect(await coordinator.renewLease('job-a', 'run-1', 200)).toBe(false);
      expect(await coordinator.acquireLease('job-a', 'run-2', 200)).toBe(true);
    });

    it('delivers published changes to subscribers', async () => {
      const { coordinator } = stores();
      const received: JobChange[] = [];
      await coordinator.subscribe((change) => received.push(change));
      await coordinator.publish({ op: 'upsert', job_id: 'job-a' });
      await coordinator.publish({ op: 'pause' });
      await until(() => received.length >= 2);
      expect(received).toEqual([{ op: 'upsert', job_id: 'job-a' }, { op: 'pause' }]);
    });

    it('remembers whether the scheduler is paused', async () => {
      const { coordinator } = stores();
      expect(await coordinator.isPaused()).toBe(false);
      await coordinator.setPaused(true);
      expect(await coordinator.isPaused()).toBe(true);
      await coordinator.setPaused(false);
      expect(await coordinator.isPaused()).toBe(false);
    });
  });
}

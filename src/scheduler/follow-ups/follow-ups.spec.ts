import { makeJob, makeRun } from '../../storage/contract/fixtures.js';
import { runFollowUpId } from '../../storage/follow-up-queue.js';
import { MemoryJobStore } from '../../storage/memory/memory-job-store.js';
import type { RunRecord, ScheduledJob } from '../job.js';
import type { JobRegistry } from '../job-registry.js';
import { resolveOptions } from '../scheduler-options.js';
import { FollowUps, type RunFollower } from './follow-ups.js';

const LEASE_TTL_MS = 1000;

describe('FollowUps', () => {
  let store: MemoryJobStore;
  let followUps: FollowUps;
  const followed: [string, ScheduledJob | null][] = [];
  const follower = (wants: RunFollower['wants'], fail = false): RunFollower => ({
    wants,
    follow: async (run, job) => {
      followed.push([run.run_id, job]);
      if (fail) throw new Error('store down');
    },
  });
  const job = makeJob({ job_id: 'job-a' });
  const run: RunRecord = makeRun('job-a', 1);

  beforeEach(async () => {
    store = new MemoryJobStore();
    await store.create(job);
    followed.length = 0;
    // Only `get` is read, to make the follow-up of a run recorded by a replica that died.
    followUps = new FollowUps(store.followUps, { get: (id: string) => store.get(id) } as unknown as JobRegistry, resolveOptions({ leaseTtlMs: LEASE_TTL_MS }));
  });
  afterEach(() => followUps.onApplicationShutdown());

  it('wants a follow-up when one follower does, or cannot tell, and none when no follower does', async () => {
    expect(await followUps.wanted(run, job)).toBe(false);
    followUps.afterRun(follower(() => false));
    expect(await followUps.wanted(run, job)).toBe(false);
    followUps.afterRun(follower(async () => Promise.reject(new Error('endpoints unreadable'))));
    expect(await followUps.wanted(run, job)).toBe(true);
  });

  it('follows a run at once and removes its entry; a follower that fails leaves it for a later claim', async () => {
    followUps.afterRun(follower(() => true));
    await store.recordRun(run, 10, {}, { followUpDueMs: Date.now() + LEASE_TTL_MS });
    followUps.followNow(run, job);
    await followUps.onApplicationShutdown();
    expect(followed).toEqual([['run-1', job]]);
    expect(await store.followUps.nextDueMs()).toBeNull();

    followUps.afterRun(follower(() => true, true));
    const second = { ...run, run_id: 'run-2' };
    await store.recordRun(second, 10, {}, { followUpDueMs: Date.now() + LEASE_TTL_MS });
    followUps.followNow(second, job);
    await followUps.onApplicationShutdown();
    const [entry] = await store.followUps.claimDue(Date.now() + LEASE_TTL_MS, LEASE_TTL_MS, 10);
    expect(entry?.id).toBe(runFollowUpId('run-2'));
  });

  it('makes the follow-up of a run whose replica died, with the job as it is now', async () => {
    followUps.afterRun(follower(() => true));
    await store.recordRun(run, 10, {}, { followUpDueMs: Date.now() - 1 });
    await store.patch('job-a', { name: 'renamed' });
    followUps.onApplicationBootstrap();
    for (let i = 0; i < 100 && followed.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await followUps.onApplicationShutdown();
    expect(followed).toEqual([['run-1', expect.objectContaining({ job_id: 'job-a', name: 'renamed' })]]);
    expect(await store.followUps.nextDueMs()).toBeNull();
  });
});

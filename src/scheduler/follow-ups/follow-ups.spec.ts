import { makeJob, makeRun } from '../../storage/contract/fixtures.js';
import { runFollowUpId } from '../../storage/follow-up-queue.js';
import { MemoryJobStore } from '../../storage/memory/memory-job-store.js';
import type { RunRecord, ScheduledJob } from '../job.js';
import type { JobRegistry } from '../job-registry.js';
import { resolveOptions } from '../scheduler-options.js';
import { FollowUps } from './follow-ups.js';
import type { FollowedChange, FollowedRun, Follower } from './followers.js';

const LEASE_TTL_MS = 1000;

describe('FollowUps', () => {
  let store: MemoryJobStore;
  let followUps: FollowUps;
  const followed: [string, ScheduledJob | null][] = [];
  const follower = (wants: Follower<FollowedRun>['wants'], fail = false): Follower<FollowedRun> => ({
    wants,
    follow: async ({ run, job }) => {
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
    expect(await followUps.runs.wanted({ run, job })).toBe(false);
    followUps.runs.add(follower(() => false));
    expect(await followUps.runs.wanted({ run, job })).toBe(false);
    followUps.runs.add(follower(async () => Promise.reject(new Error('endpoints unreadable'))));
    expect(await followUps.runs.wanted({ run, job })).toBe(true);
  });

  it('follows a run at once and removes its entry; a follower that fails leaves it for a later claim', async () => {
    followUps.runs.add(follower(() => true));
    await store.recordRun(run, 10, {}, { followUpDueMs: Date.now() + LEASE_TTL_MS });
    followUps.followRun(run, job);
    await followUps.onApplicationShutdown();
    expect(followed).toEqual([['run-1', job]]);
    expect(await store.followUps.nextDueMs()).toBeNull();

    followUps.runs.add(follower(() => true, true));
    const second = { ...run, run_id: 'run-2' };
    await store.recordRun(second, 10, {}, { followUpDueMs: Date.now() + LEASE_TTL_MS });
    followUps.followRun(second, job);
    await followUps.onApplicationShutdown();
    const [entry] = await store.followUps.claimDue(Date.now() + LEASE_TTL_MS, LEASE_TTL_MS, 10);
    expect(entry?.id).toBe(runFollowUpId('run-2'));
  });

  it('makes the follow-up of a run whose replica died, with the job as it is now', async () => {
    followUps.runs.add(follower(() => true));
    await store.recordRun(run, 10, {}, { followUpDueMs: Date.now() - 1 });
    await store.patch('job-a', { name: 'renamed' });
    followUps.onApplicationBootstrap();
    for (let i = 0; i < 100 && followed.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await followUps.onApplicationShutdown();
    expect(followed).toEqual([['run-1', expect.objectContaining({ job_id: 'job-a', name: 'renamed' })]]);
    expect(await store.followUps.nextDueMs()).toBeNull();
  });

  it('makes the follow-up of a job change whose replica died only if the change was written', async () => {
    const changes: FollowedChange[] = [];
    followUps.changes.add({ wants: () => true, follow: async (change) => void changes.push(change) });
    const later = new Date(Date.now() + 1000).toISOString();
    // Written: the stored job carries the change's updated_at. Not written: it still has the old one.
    expect(await followUps.beforeChange('change:written', 'update', { ...job, name: 'renamed', updated_at: later })).toBe(true);
    await store.patch('job-a', { name: 'renamed', updated_at: later });
    await followUps.beforeChange('change:lost', 'update', { ...job, name: 'never', updated_at: new Date(Date.now() + 5000).toISOString() });
    await followUps.beforeChange('change:deleted', 'delete', job);
    await followUps.beforeChange('change:created', 'create', makeJob({ job_id: 'job-never-stored' }));
    const due = await store.followUps.claimDue(Date.now() + LEASE_TTL_MS, 0, 10);
    expect(due.map((entry) => entry.id).sort()).toEqual(['change:created', 'change:deleted', 'change:lost', 'change:written']);
    followUps.onApplicationBootstrap();
    for (let i = 0; i < 300 && (await store.followUps.nextDueMs()) !== null; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await followUps.onApplicationShutdown();
    expect(changes).toEqual([{ id: 'change:written', action: 'update', job: expect.objectContaining({ name: 'renamed' }) }]);
  });
});

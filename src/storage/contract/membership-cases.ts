/// <reference types="jest" />
import type { ReplicaInfo } from '../membership-store.js';
import type { StoreFixture } from '../store-contract.js';

const replica = (id: string, jobs = 0): ReplicaInfo => ({ id, host: 'host', pid: 1, started_at: '2026-12-04T00:00:00.000Z', jobs_owned: jobs, runs_in_progress: 0 });
const ids = (replicas: ReplicaInfo[]) => replicas.map((r) => r.id).sort();

export function describeMembershipCases(stores: () => StoreFixture): void {
  describe('MembershipStore', () => {
    it('answers every live replica, this one included, with what each said last', async () => {
      const { membership } = stores();
      expect(await membership.heartbeat(replica('a'), 10_000)).toEqual([replica('a')]);
      expect(ids(await membership.heartbeat(replica('b'), 10_000))).toEqual(['a', 'b']);
      const seen = await membership.heartbeat(replica('a', 7), 10_000);
      expect(seen.find((r) => r.id === 'a')).toEqual(replica('a', 7));
    });

    it('drops a replica whose beat ran out, and one that leaves at once', async () => {
      const { membership, passTime } = stores();
      await membership.heartbeat(replica('short'), 200);
      await membership.heartbeat(replica('long'), 60_000);
      await membership.heartbeat(replica('leaving'), 60_000);
      await membership.leave('leaving');
      await passTime(400);
      expect(ids(await membership.heartbeat(replica('long'), 60_000))).toEqual(['long']);
    });
  });
}

import { randomUUID } from 'node:crypto';
import { JobShares } from './job-shares.js';
import { ownerOf } from './rendezvous.js';

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
const share = (jobs: string[], replicas: string[]) => {
  const shares = new JobShares();
  shares.setReplicas(replicas);
  for (const job of jobs) shares.set(job, true);
  return new Map(jobs.map((job) => [job, shares.ownerOf(job)!]));
};
const countsOf = (owners: Map<string, string>, replicas: string[]) => replicas.map((id) => [...owners.values()].filter((owner) => owner === id).length);
const movedAmong = (before: Map<string, string>, after: Map<string, string>, stayed: string[]) =>
  [...before].filter(([job, owner]) => stayed.includes(owner) && stayed.includes(after.get(job)!) && after.get(job) !== owner).length;

describe('JobShares (rendezvous hashing with bounded loads)', () => {
  it('gives each of three replicas 90 to 105 of 300 jobs, whatever the ids', () => {
    for (let trial = 0; trial < 20; trial++) {
      const replicas = ids(3);
      for (const count of countsOf(share(ids(300), replicas), replicas)) {
        expect(count).toBeGreaterThanOrEqual(90);
        expect(count).toBeLessThanOrEqual(105);
      }
    }
  });

  it('answers the same owners whatever the order the jobs and replicas came in', () => {
    const jobs = ids(500);
    const replicas = ids(4);
    expect(share([...jobs].reverse(), [...replicas].reverse())).toEqual(share(jobs, replicas));
  });

  it('moves the jobs of a replica that leaves, and few others (at most 5 % of the jobs)', () => {
    const jobs = ids(3000);
    const three = ids(3);
    const before = share(jobs, three);
    const after = share(jobs, three.slice(0, 2));
    expect(new Set(after.values())).toEqual(new Set(three.slice(0, 2)));
    expect(movedAmong(before, after, three.slice(0, 2))).toBeLessThanOrEqual(150);
    const four = [...three, randomUUID()];
    const joined = share(jobs, four);
    expect(countsOf(joined, four)[3]).toBeGreaterThanOrEqual(650);
    expect(movedAmong(before, joined, three)).toBeLessThanOrEqual(150);
  });

  it('moves few jobs when a job comes or goes', () => {
    const jobs = ids(3000);
    const replicas = ids(3);
    const before = share(jobs, replicas);
    expect(movedAmong(before, share([...jobs, randomUUID()], replicas), replicas)).toBeLessThanOrEqual(30);
    expect(movedAmong(before, share(jobs.slice(1), replicas), replicas)).toBeLessThanOrEqual(30);
  });

  it('gives every job to a lone replica, and a job outside the shares to its rendezvous owner', () => {
    const [alone] = ids(1);
    const owners = share(ids(50), [alone!]);
    expect(new Set(owners.values())).toEqual(new Set([alone]));
    const replicas = ids(3);
    const shares = new JobShares();
    shares.setReplicas(replicas);
    shares.set('in', true);
    expect(shares.set('in', true)).toBe(false);
    expect(shares.set('in', false)).toBe(true);
    expect(shares.ownerOf('elsewhere')).toBe(ownerOf('elsewhere', replicas));
    expect(new JobShares().ownerOf('any')).toBeNull();
  });
});

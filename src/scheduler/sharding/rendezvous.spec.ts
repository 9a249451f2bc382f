import { randomUUID } from 'node:crypto';
import { ownerOf } from './rendezvous.js';

const jobs = Array.from({ length: 3000 }, () => randomUUID());
const count = (replicas: string[]) => {
  const owned = new Map<string, number>(replicas.map((id) => [id, 0]));
  for (const job of jobs) owned.set(ownerOf(job, replicas)!, owned.get(ownerOf(job, replicas)!)! + 1);
  return owned;
};

describe('ownerOf (rendezvous hashing)', () => {
  const three = [randomUUID(), randomUUID(), randomUUID()];

  it('gives each of three replicas about a third of the jobs', () => {
    for (const owned of count(three).values()) expect(Math.abs(owned - 1000)).toBeLessThan(150);
  });

  it('answers the same owner whatever the order of the replicas', () => {
    for (const job of jobs.slice(0, 200)) expect(ownerOf(job, [...three].reverse())).toBe(ownerOf(job, three));
  });

  it('moves only the jobs of a replica that leaves, and only jobs to one that joins', () => {
    const two = three.slice(0, 2);
    for (const job of jobs) {
      const before = ownerOf(job, three)!;
      const after = ownerOf(job, two)!;
      if (before !== three[2]) expect(after).toBe(before);
    }
    const four = [...three, randomUUID()];
    for (const job of jobs) {
      const after = ownerOf(job, four)!;
      if (after !== four[3]) expect(after).toBe(ownerOf(job, three));
    }
  });

  it('has no owner without replicas', () => {
    expect(ownerOf('job', [])).toBeNull();
  });
});

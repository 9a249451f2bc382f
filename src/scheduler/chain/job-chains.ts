import { BadRequestException, Injectable } from '@nestjs/common';
import type { ScheduledJob } from '../job.js';
import { JobRegistry } from '../job-registry.js';

export interface ChainView {
  job_id: string;
  /** The jobs this one runs after. */
  upstream: { job_id: string; name: string; status: ScheduledJob['status'] }[];
  /** The jobs that run after this one, and on which ends of its runs. */
  downstream: { job_id: string; name: string; run_after_on: string; is_active: boolean }[];
}

/** The path from `from` to `to` following `next`, or null: depth first, each job visited once. */
function pathTo(from: readonly string[], to: string, next: (id: string) => readonly string[]): string[] | null {
  const seen = new Set<string>();
  const walk = (id: string): string[] | null => {
    if (id === to) return [id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const upstream of next(id)) {
      const rest = walk(upstream);
      if (rest) return [id, ...rest];
    }
    return null;
  };
  for (const id of from) {
    const path = walk(id);
    if (path) return path;
  }
  return null;
}

/** The rules of `run_after`: every upstream job exists, and no job comes to run after itself. */
@Injectable()
export class JobChains {
  constructor(private readonly registry: JobRegistry) {}

  /** 400 naming the unknown jobs, or the cycle that `runAfter` on `jobId` (null: a new job) would close. */
  async assertValid(jobId: string | null, runAfter: readonly string[] | null | undefined): Promise<void> {
    if (!runAfter?.length) return;
    const jobs = new Map((await this.registry.list()).map((job) => [job.job_id, job]));
    const unknown = runAfter.filter((id) => !jobs.has(id));
    if (unknown.length) throw new BadRequestException([`run_after names jobs that do not exist: ${unknown.join(', ')}`]);
    if (jobId === null) return; // nothing runs after a job that does not exist yet
    const cycle = pathTo(runAfter, jobId, (id) => (id === jobId ? runAfter : (jobs.get(id)?.run_after ?? [])));
    if (cycle) {
      const name = (id: string) => `"${jobs.get(id)?.name ?? id}" (${id})`;
      throw new BadRequestException([`run_after makes a cycle: ${[jobId, ...cycle].map(name).join(' runs after ')}`]);
    }
  }

  /** The jobs that run after `jobId`. */
  async dependantsOf(jobId: string): Promise<ScheduledJob[]> {
    return (await this.registry.list()).filter((job) => job.run_after?.includes(jobId));
  }

  async view(job: ScheduledJob): Promise<ChainView> {
    const jobs = await this.registry.list();
    const upstream = jobs.filter((other) => job.run_after?.includes(other.job_id));
    const downstream = jobs.filter((other) => other.run_after?.includes(job.job_id));
    return {
      job_id: job.job_id,
      upstream: upstream.map(({ job_id, name, status }) => ({ job_id, name, status })),
      downstream: downstream.map(({ job_id, name, run_after_on, is_active }) => ({ job_id, name, run_after_on: run_after_on ?? 'completed', is_active })),
    };
  }
}

import type { ScheduledJob } from '../job.js';

/** Which jobs run after which: kept as definitions change, so that a run's end finds its dependants without a scan. */
export class DependantsIndex {
  private readonly byUpstream = new Map<string, Set<string>>();
  private readonly upstreamsOf = new Map<string, readonly string[]>();

  set(job: ScheduledJob): void {
    this.delete(job.job_id);
    const upstreams = job.run_after ?? [];
    this.upstreamsOf.set(job.job_id, upstreams);
    for (const upstream of upstreams) {
      const dependants = this.byUpstream.get(upstream) ?? new Set<string>();
      this.byUpstream.set(upstream, dependants.add(job.job_id));
    }
  }

  delete(jobId: string): void {
    for (const upstream of this.upstreamsOf.get(jobId) ?? []) this.byUpstream.get(upstream)?.delete(jobId);
    this.upstreamsOf.delete(jobId);
  }

  of(upstreamId: string): string[] {
    return [...(this.byUpstream.get(upstreamId) ?? [])];
  }
}

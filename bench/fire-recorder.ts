import { Redis } from 'ioredis';
import { percentile } from './harness.js';

/** Collects (job, scheduled, started) for the occurrences scheduled inside one measurement window. */
export class FireRecorder {
  private readonly lateness: number[] = [];
  private readonly seen = new Map<string, Set<number>>();

  constructor(
    readonly from: number,
    readonly to: number,
  ) {}

  record(jobId: string, scheduled: number, started: number): void {
    if (scheduled < this.from || scheduled >= this.to) return;
    this.lateness.push(started - scheduled);
    const seconds = this.seen.get(jobId) ?? new Set<number>();
    seconds.add(scheduled);
    this.seen.set(jobId, seconds);
  }

  summary(jobCount: number) {
    const due = Math.round((this.to - this.from) / 1000);
    const onTime = [...this.seen.values()].reduce((sum, seconds) => sum + seconds.size, 0);
    const complete = [...this.seen.values()].filter((seconds) => seconds.size === due).length;
    return {
      due: due * jobCount,
      fires: this.lateness.length,
      missed: due * jobCount - onTime,
      jobsMissing: jobCount - complete,
      p50: percentile(this.lateness, 0.5),
      p99: percentile(this.lateness, 0.99),
      max: percentile(this.lateness, 1),
    };
  }
}

/** CPU used by this process and by redis-server between start and stop, in % of one core. */
export async function cpuMeter(redisUrl: string): Promise<() => Promise<{ node: number; redis: number }>> {
  const admin = new Redis(redisUrl);
  const redisSeconds = async () => {
    const info = await admin.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return field('used_cpu_sys') + field('used_cpu_user');
  };
  const wallStart = Date.now();
  const nodeStart = process.cpuUsage();
  const redisStart = await redisSeconds();
  return async () => {
    const wall = Date.now() - wallStart;
    const node = process.cpuUsage(nodeStart);
    const redis = (await redisSeconds()) - redisStart;
    admin.disconnect();
    return { node: ((node.user + node.system) / 1000 / wall) * 100, redis: ((redis * 1000) / wall) * 100 };
  };
}

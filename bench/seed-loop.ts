import { performance } from 'node:perf_hooks';
import type { SeedRegistry, SeedJob } from './seed-registry.js';

export interface SeedLoopResult {
  /** Execution start − the job's next_run, ms, for every execution. */
  lateness: number[];
  executions: number;
  /** Job-seconds that were due between the first and the last check. */
  due: number;
}

const nextSecond = (from: number) => Math.floor(from / 1000) * 1000 + 1000;

/**
 * The seed's `_scheduler_loop` / `_check_and_execute_jobs` (seed 000 § 4.4) with its next-run rule
 * set to "the next whole second", on a virtual clock: every Redis round trip is real and takes
 * real time, the 60 s `wait` between checks is skipped. Executions run concurrently, as the
 * seed's threads do, and mark the job running and then done, as they do.
 */
export async function simulateSeedLoop(registry: SeedRegistry, jobCount: number, checks: number, checkIntervalMs = 60_000): Promise<SeedLoopResult> {
  const lateness: number[] = [];
  let virtualStart = Date.now();
  let firstCheck = 0;
  let lastCheck = 0;
  for (let check = 0; check < checks; check++) {
    const realStart = performance.now();
    const clock = () => virtualStart + (performance.now() - realStart);
    const active = await registry.list(true);
    const current = clock();
    if (check === 0) firstCheck = current;
    lastCheck = current;
    const executions: Promise<void>[] = [];
    for (const job of active) {
      if (job.next_run === null) {
        job.next_run = nextSecond(current);
        await registry.update(job);
      }
      if (current >= job.next_run) executions.push(execute(registry, job, clock, lateness));
    }
    await Promise.all(executions);
    virtualStart = clock() + checkIntervalMs;
  }
  return { lateness, executions: lateness.length, due: Math.floor(((lastCheck - firstCheck) / 1000) * jobCount) };
}

async function execute(registry: SeedRegistry, job: SeedJob, clock: () => number, lateness: number[]): Promise<void> {
  lateness.push(clock() - (job.next_run ?? 0));
  await registry.update({ ...job, status: 'running' });
  const lastRun = clock();
  await registry.update({ ...job, status: 'completed', last_run: lastRun, next_run: nextSecond(lastRun) });
}

import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { RunRecord } from '../src/scheduler/job.js';
import { useServiceProcesses } from './support/service-processes.js';
import { eventually, recordedRun, testRedisUrl } from './support/test-app.js';

const SECOND = 1000;
const JOBS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const occurrences = (runs: RunRecord[]) => runs.map((run) => Date.parse(run.scheduled_for!) / SECOND).sort((a, b) => a - b);

/** Three processes share 300 jobs firing every second; one is SIGKILLed and the other two take its jobs and its run. */
describe('jobs shared out among three replicas', () => {
  const processes = useServiceProcesses();

  it('arms each job on one replica, runs every occurrence once, and moves a dead replica\'s jobs and run within 5 s', async () => {
    const shared = { REDIS_URL: testRedisUrl(), KEY_PREFIX: `test:${randomUUID()}:`, YAHOO_MAX_RPS: '1000', API_RATE_LIMIT: '100000', SCHEDULER_LEASE_TTL_MS: '30000', SCHEDULER_MAX_CONCURRENT_RUNS: '256' };
    const raw = new Redis(testRedisUrl(), { keyPrefix: shared.KEY_PREFIX });
    try {
      const replicas = [await processes.start(shared), await processes.start(shared), await processes.start(shared)];
      const status = async (i: number) => (await request(replicas[i]!.url).get('/scheduler/status').expect(200)).body;
      const ids = await eventually(async () => {
        const all = await Promise.all([0, 1, 2].map(status));
        return all.every((s) => s.replicas.length === 3) ? all.map((s) => s.replica_id as string) : undefined;
      }, 10 * SECOND, 'the three replicas to see each other');
      const victim = ids[2]!;

      // Paused while the jobs are created, so that they all start in the same second.
      await request(replicas[0]!.url).post('/scheduler/stop').expect(200);
      const jobs: string[] = [];
      for (let i = 0; i < JOBS; i++) jobs.push((await request(replicas[i % 3]!.url).post('/scheduler/jobs').send({ name: `shared ${i}`, stock_ids: ['AAPL'], cron: '* * * * * *' }).expect(201)).body.job_id);
      // A slow run in flight on the victim when it dies.
      processes.yahoo.override('MSFT', { delayMs: 60 * SECOND });
      const slow = (await request(replicas[2]!.url).post('/scheduler/jobs').send({ name: 'slow', stock_ids: ['MSFT'], cron: '0 0 1 1 *', is_active: false }).expect(201)).body.job_id;
      await request(replicas[0]!.url).post('/scheduler/start').expect(200);

      const armed = await eventually(async () => {
        const all = await Promise.all([0, 1, 2].map(status));
        const counts = all.map((s) => s.registered_jobs_count as number);
        return counts.reduce((a, b) => a + b, 0) === JOBS ? counts : undefined;
      }, 5 * SECOND, 'every job armed once');
      const owners = new Map<string, string>();
      // Each replica answers the owners the same (the shares are computed from the same jobs and replicas).
      for (const [i, id] of jobs.entries()) owners.set(id, (await request(replicas[i % 3]!.url).get(`/scheduler/jobs/${id}/status`).expect(200)).body.owner);
      for (const count of armed) expect(Math.abs(count - JOBS / 3)).toBeLessThanOrEqual(0.15 * (JOBS / 3));
      for (const [i, count] of armed.entries()) expect(count).toBe([...owners.values()].filter((owner) => owner === ids[i]).length);

      await sleep(8 * SECOND);
      const { run_id: slowRun } = (await request(replicas[2]!.url).post(`/scheduler/jobs/${slow}/run`).expect(202)).body;
      await sleep(SECOND);
      await replicas[2]!.kill('SIGKILL');
      const killedAt = Date.now();

      // Its run in flight is recorded as lost as soon as its heartbeat has run out (3 beats of 1 s).
      const lost = await recordedRun(replicas[0]!.url, slow, slowRun, 5 * SECOND);
      expect(lost).toMatchObject({ status: 'failed', replica_id: victim });
      expect(lost.reason).toMatch(/replica .* is gone/);
      await sleep(10 * SECOND);
      await request(replicas[0]!.url).post('/scheduler/stop').expect(200);
      await sleep(2 * SECOND); // the runs of the last second end

      let twice = 0;
      let gapsOfTheLiving = 0;
      let latestTakeover = 0;
      for (const id of jobs) {
        const runs: RunRecord[] = (await request(replicas[0]!.url).get(`/scheduler/jobs/${id}/runs?limit=100`).expect(200)).body;
        const seconds = occurrences(runs.filter((run) => run.status !== 'skipped'));
        twice += seconds.length - new Set(seconds).size;
        if (owners.get(id) !== victim) {
          gapsOfTheLiving += seconds.at(-1)! - seconds[0]! + 1 - seconds.length;
          continue;
        }
        // A job of the victim fires again from a living replica (a catch-up first, then its own fires).
        const after = runs.filter((run) => Date.parse(run.start_time) > killedAt && run.replica_id !== victim).map((run) => Date.parse(run.start_time));
        expect(after.length).toBeGreaterThan(0);
        latestTakeover = Math.max(latestTakeover, Math.min(...after) - killedAt);
      }
      expect(twice).toBe(0);
      expect(gapsOfTheLiving).toBe(0);
      expect(latestTakeover).toBeLessThanOrEqual(5 * SECOND);
      expect(await raw.zcard('scheduler:replicas')).toBe(2);
    } finally {
      await raw.quit();
    }
  }, 120_000);
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useServiceProcesses } from './support/service-processes.js';
import { eventually, testRedisUrl } from './support/test-app.js';
import { churnIntervalJobs, createJob } from './support/timer-churn.js';

const CHURN_MS = 20_000;
const KEPT_JOBS = 3;

/** Issue 10 item 1: cron threw "Date in past" from its own timer under this churn and killed both replicas. */
describe('one-second jobs created and deleted in bursts, on two real processes', () => {
  const processes = useServiceProcesses();
  const alive = () => processes.services.every(({ child }) => child.exitCode === null && child.signalCode === null);

  it('keeps both processes alive and every remaining job firing', async () => {
    const env = { REDIS_URL: testRedisUrl(), KEY_PREFIX: `test:${randomUUID()}:`, YAHOO_MAX_RPS: '1000', API_RATE_LIMIT: '0' };
    // B only fires what A's API creates: it learns of each job from the change messages.
    const [a, b] = [await processes.start(env), await processes.start(env)];
    const kept = await Promise.all(Array.from({ length: KEPT_JOBS }, (_, i) => createJob(a.url, { name: `kept ${i}`, stock_ids: ['AAPL'], interval_seconds: 1 })));

    const churn = await churnIntervalJobs(a.url, { durationMs: CHURN_MS, parallel: 40, alive }).catch((error: unknown) => error);
    expect({ alive: alive(), churnError: churn instanceof Error ? churn.message : null }).toEqual({ alive: true, churnError: null });
    expect((churn as { rounds: number }).rounds).toBeGreaterThan(5);

    const since = Date.now();
    for (const id of kept) {
      await eventually(async () => {
        const runs: { scheduled_for: string | null }[] = (await request(b.url).get(`/scheduler/jobs/${id}/runs?limit=5`).expect(200)).body;
        return runs.some((run) => run.scheduled_for !== null && Date.parse(run.scheduled_for) > since) ? true : undefined;
      }, 5000, `a fire of kept job ${id} after the churn`);
    }
    expect(alive()).toBe(true);
  }, 60_000);
});

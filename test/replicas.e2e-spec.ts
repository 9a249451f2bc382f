import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { CRON_NAME_PREFIX } from '../src/scheduler/cron-registry.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, eventually, type TestApp } from './support/test-app.js';

interface Run {
  scheduled_for: string;
  status: string;
  trigger: string;
}

const SECOND = 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Three instances of the app on one Redis behave as one scheduler. */
describe('three replicas on one Redis', () => {
  let yahoo: FakeYahoo;
  const replicas: TestApp[] = [];
  const http = (i: number) => request(replicas[i].app.getHttpServer());
  const registered = (i: number, id: string) => replicas[i].app.get(SchedulerRegistry).doesExist('cron', `${CRON_NAME_PREFIX}${id}`);
  const runsOf = async (i: number, id: string): Promise<Run[]> => (await http(i).get(`/scheduler/jobs/${id}/runs?limit=100`).expect(200)).body;

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    const first = await createTestApp({ store: 'redis', yahooUrl: yahoo.url });
    replicas.push(first);
    for (let i = 0; i < 2; i++) replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, keyPrefix: first.keyPrefix }));
  });
  afterAll(async () => {
    for (const replica of replicas.reverse()) await replica.close();
    await yahoo.close();
  });

  it('runs every occurrence exactly once, loses none, and applies a stop everywhere', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = { name: `every second ${i}`, stock_ids: ['AAPL'], cron: '* * * * * *' };
      ids.push((await http(i).post('/scheduler/jobs').send(body).expect(201)).body.job_id);
    }
    // Created on one replica, armed within a second by the one replica that owns it, and by no other.
    const replicaIds = await eventually(async () => {
      const statuses = await Promise.all([0, 1, 2].map(async (i) => (await http(i).get('/scheduler/status').expect(200)).body));
      return statuses.every((status) => status.replicas.length === 3) ? statuses.map((status) => status.replica_id as string) : undefined;
    }, 5 * SECOND, 'every replica to see the three');
    // A replica that armed a job before the others came keeps it two beats after handing it over.
    const owners = await eventually(async () => {
      const answered = await Promise.all(ids.map(async (id) => (await http(0).get(`/scheduler/jobs/${id}/status`).expect(200)).body.owner as string));
      return ids.every((id, j) => [0, 1, 2].every((i) => registered(i, id) === (replicaIds[i] === answered[j]))) ? answered : undefined;
    }, 4 * SECOND, 'registration on the owners alone');
    for (const owner of owners) expect(replicaIds).toContain(owner);

    await sleep(12 * SECOND);
    await http(1).post(`/scheduler/jobs/${ids[0]}/stop`).expect(200);
    const stoppedAt = Date.now();
    await eventually(async () => ([0, 1, 2].every((i) => !registered(i, ids[0])) ? true : undefined), SECOND, 'the stop everywhere');
    await sleep(3 * SECOND);

    // The other two still fire every second: stopped too, their histories can be compared whole.
    for (const id of ids.slice(1)) await http(0).post(`/scheduler/jobs/${id}/stop`).expect(200);
    await eventually(async () => (ids.every((id) => [0, 1, 2].every((i) => !registered(i, id))) ? true : undefined), SECOND, 'every stop everywhere');
    for (const id of ids) {
      // The same history from every replica, once a run that was going when its job stopped has ended.
      const runs = await eventually(async () => {
        const [mine, theirs] = [await runsOf(2, id), await runsOf(0, id)];
        return mine.every((run) => run.status !== 'running') && JSON.stringify(mine) === JSON.stringify(theirs) ? mine : undefined;
      }, 5 * SECOND, 'the same history from every replica');
      const seconds = runs.map((run) => Date.parse(run.scheduled_for) / SECOND).sort((a, b) => a - b);
      expect(new Set(seconds).size).toBe(seconds.length); // no occurrence ran twice
      expect(seconds.at(-1)! - seconds[0] + 1).toBe(seconds.length); // none lost in between
      expect(runs.every((run) => run.trigger === 'schedule' && run.status === 'success')).toBe(true);
      expect(seconds.length).toBeGreaterThanOrEqual(11);
    }
    const stoppedRuns = await runsOf(0, ids[0]);
    expect(Math.max(...stoppedRuns.map((run) => Date.parse(run.scheduled_for)))).toBeLessThanOrEqual(stoppedAt + SECOND);
  }, 40_000);

  it('pauses and resumes the scheduler of every replica from any one', async () => {
    await http(0).post('/scheduler/stop').expect(200);
    await eventually(async () => {
      const states = await Promise.all([0, 1, 2].map(async (i) => (await http(i).get('/scheduler/status').expect(200)).body.is_running));
      return states.every((running) => running === false) ? true : undefined;
    }, SECOND, 'pause everywhere');
    await http(2).post('/scheduler/start').expect(200);
    await eventually(async () => {
      const states = await Promise.all([0, 1, 2].map(async (i) => (await http(i).get('/scheduler/status').expect(200)).body.is_running));
      return states.every(Boolean) ? true : undefined;
    }, SECOND, 'resume everywhere');
  });
});

import { SchedulerRegistry } from '@nestjs/schedule';
import request from 'supertest';
import { CRON_NAME_PREFIX } from '../src/scheduler/cron-registry.js';
import type { RunRecord } from '../src/scheduler/job.js';
import { JobScheduler } from '../src/scheduler/job-scheduler.js';
import { JOB_STORE, type JobStore } from '../src/storage/job-store.js';
import { useE2eApp } from './support/e2e-context.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, eventually, recordedRun, type StoreKind, type TestApp } from './support/test-app.js';

const job = (body: Record<string, unknown>) => ({ stock_ids: ['AAPL'], cron: '0 0 1 1 *', ...body });

describe.each<StoreKind>(['memory', 'redis'])('job chaining (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const create = async (body: Record<string, unknown>) => (await ctx.http().post('/scheduler/jobs').send(body).expect(201)).body.job_id as string;
  const runsOf = async (id: string): Promise<RunRecord[]> => (await ctx.http().get(`/scheduler/jobs/${id}/runs`).expect(200)).body;
  const settledRuns = (id: string, count: number) =>
    eventually(async () => {
      const runs = await runsOf(id);
      return runs.length >= count && runs.every((run) => run.status !== 'running') ? runs : undefined;
    }, 10_000, `${count} runs of ${id}`);

  it('runs a chain_only job once after each completed upstream run, with trigger chain and the upstream run id', async () => {
    const upstream = await create(job({ name: 'fetch' }));
    const downstream = await create({ name: 'analyse', stock_ids: ['MSFT'], schedule: 'chain_only', run_after: [upstream] });
    const stored = (await ctx.http().get(`/scheduler/jobs/${downstream}`).expect(200)).body;
    expect(stored).toMatchObject({ run_after: [upstream], run_after_on: 'completed', schedule_time: null, cron: null, interval_seconds: null, next_run: null });
    expect(ctx.t.app.get(SchedulerRegistry).doesExist('cron', `${CRON_NAME_PREFIX}${downstream}`)).toBe(false);

    const first = await ctx.runAndWait(upstream);
    const [chained] = await settledRuns(downstream, 1);
    expect(chained).toMatchObject({ trigger: 'chain', upstream_run_id: first.run_id, status: 'success', fetched_stocks: ['MSFT'] });
    const second = await ctx.runAndWait(upstream);
    const runs = await settledRuns(downstream, 2);
    expect(runs.map((run) => run.upstream_run_id)).toEqual([second.run_id, first.run_id]);

    expect((await ctx.http().get(`/scheduler/jobs/${upstream}/chain`).expect(200)).body).toEqual({
      job_id: upstream,
      upstream: [],
      downstream: [{ job_id: downstream, name: 'analyse', run_after_on: 'completed', is_active: true }],
    });
    expect((await ctx.http().get(`/scheduler/jobs/${downstream}/chain`).expect(200)).body.upstream).toEqual([{ job_id: upstream, name: 'fetch', status: 'completed' }]);
  }, 30_000);

  it('starts a dependant only on the ends its run_after_on names', async () => {
    const partial = await create(job({ name: 'partly failing', stock_ids: ['AAPL', 'NOPE'] }));
    const onSuccess = await create(job({ name: 'on success', run_after: [partial], run_after_on: 'success' }));
    const onCompleted = await create(job({ name: 'on completed', run_after: [partial] }));
    const onAny = await create(job({ name: 'on any', run_after: [partial], run_after_on: 'any' }));
    expect((await ctx.runAndWait(partial)).status).toBe('partial_success');
    await settledRuns(onCompleted, 1);
    await settledRuns(onAny, 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runsOf(onSuccess)).toEqual([]);
  }, 30_000);

  it('refuses unknown upstream jobs and cycles, direct or through several jobs, with a 400 naming them', async () => {
    const a = await create(job({ name: 'A' }));
    const b = await create(job({ name: 'B', run_after: [a] }));
    const c = await create(job({ name: 'C', run_after: [b] }));
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await ctx.http().post('/scheduler/jobs').send(job({ name: 'X', run_after: [missing] })).expect(400)).body.message).toEqual([`run_after names jobs that do not exist: ${missing}`]);
    const direct = await ctx.http().put(`/scheduler/jobs/${a}`).send({ run_after: [b] }).expect(400);
    expect(direct.body.message[0]).toBe(`run_after makes a cycle: "A" (${a}) runs after "B" (${b}) runs after "A" (${a})`);
    const through = await ctx.http().put(`/scheduler/jobs/${a}`).send({ run_after: [c] }).expect(400);
    expect(through.body.message[0]).toMatch(/^run_after makes a cycle: "A" .* runs after "C" .* runs after "B" .* runs after "A"/);
    await ctx.http().put(`/scheduler/jobs/${a}`).send({ run_after: [a] }).expect(400);
    expect((await ctx.http().get(`/scheduler/jobs/${a}`).expect(200)).body.run_after).toBeUndefined();
    await ctx.http().post('/scheduler/jobs').send({ name: 'no schedule', stock_ids: ['AAPL'], schedule: 'chain_only' }).expect(400);
    await ctx.http().post('/scheduler/jobs').send({ name: 'both', stock_ids: ['AAPL'], schedule: 'chain_only', cron: '0 0 1 1 *', run_after: [a] }).expect(400);
  });

  it('never loops on a cycle that reached the store past the check (two updates racing)', async () => {
    const a = await create(job({ name: 'cycle A' }));
    const b = await create(job({ name: 'cycle B', run_after: [a] }));
    // Written behind the API's back, as a race between two updates could leave it.
    const closed = (await ctx.t.app.get<JobStore>(JOB_STORE).patch(a, { run_after: [b], run_after_on: 'completed' }))!;
    ctx.t.app.get(JobScheduler).sync(closed);
    // Jobs in a cycle do not chain at all (each warns); their own runs go on.
    await ctx.runAndWait(a);
    await ctx.runAndWait(b);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await runsOf(a)).map((run) => run.trigger)).toEqual(['manual']);
    expect((await runsOf(b)).map((run) => run.trigger)).toEqual(['manual']);
  }, 30_000);

  it('takes a deleted upstream job out of its dependants, and audits it', async () => {
    const a = await create(job({ name: 'upstream, deleted' }));
    const b = await create(job({ name: 'kept upstream' }));
    const dependant = await create(job({ name: 'dependant', run_after: [a, b] }));
    await ctx.http().delete(`/scheduler/jobs/${a}`).expect(200);
    expect((await ctx.http().get(`/scheduler/jobs/${dependant}`).expect(200)).body.run_after).toEqual([b]);
    const [entry] = (await ctx.http().get(`/scheduler/jobs/${dependant}/audit`).expect(200)).body;
    expect(entry).toMatchObject({ action: 'update', actor: `system: job ${a} was deleted`, changes: { run_after: { from: [a, b], to: [b] } } });
  });
});

describe('job chaining across three replicas', () => {
  let yahoo: FakeYahoo;
  const replicas: TestApp[] = [];
  const http = (i: number) => request(replicas[i]!.app.getHttpServer());
  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url }));
    for (let i = 0; i < 2; i++) replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, keyPrefix: replicas[0]!.keyPrefix }));
  }, 30_000);
  afterAll(async () => {
    for (const replica of replicas.reverse()) await replica.close();
    await yahoo.close();
  });

  it('runs the dependant exactly once per upstream run, whichever replica ran the upstream', async () => {
    const upstream = (await http(0).post('/scheduler/jobs').send(job({ name: 'upstream' })).expect(201)).body.job_id;
    const downstream = (await http(1).post('/scheduler/jobs').send({ name: 'downstream', stock_ids: ['MSFT'], schedule: 'chain_only', run_after: [upstream] }).expect(201)).body.job_id;
    await new Promise((resolve) => setTimeout(resolve, 500)); // the new job reaches every replica
    const upstreamRuns: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { run_id } = (await http(i).post(`/scheduler/jobs/${upstream}/run`).expect(202)).body;
      await recordedRun(replicas[i]!.app.getHttpServer(), upstream, run_id, 10_000);
      upstreamRuns.push(run_id);
      await eventually(async () => {
        const runs: RunRecord[] = (await http(2).get(`/scheduler/jobs/${downstream}/runs`).expect(200)).body;
        return runs.length === i + 1 && runs[0]!.status !== 'running' ? true : undefined;
      }, 10_000, `chained run ${i + 1}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const runs: RunRecord[] = (await http(0).get(`/scheduler/jobs/${downstream}/runs`).expect(200)).body;
    expect(runs.map((run) => run.upstream_run_id).sort()).toEqual([...upstreamRuns].sort());
    expect(runs.every((run) => run.trigger === 'chain' && run.status === 'success')).toBe(true);
  }, 60_000);
});

import request from 'supertest';
import { runSummary } from '../src/scheduler/events/scheduler-event.js';
import { isAfter } from '../src/storage/event-log.js';
import { useE2eApp } from './support/e2e-context.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { openEvents, type ReceivedEvent, type SseClient } from './support/sse-client.js';
import { createTestApp, type StoreKind, type TestApp } from './support/test-app.js';

const SYMBOLS = ['AAPL', 'MSFT', 'GOOG', 'AMZN'];
const of = (type: string, jobId: string) => (event: ReceivedEvent) => event.type === type && event.data.job_id === jobId;

async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
}

describe.each<StoreKind>(['memory', 'redis'])('GET /scheduler/events (%s store)', (store) => {
  const ctx = useE2eApp(store, { env: { FETCH_CONCURRENCY: '1' } });
  let url: string;
  const clients: SseClient[] = [];
  const open = async (headers?: Record<string, string>) => {
    const client = await openEvents(url, headers);
    clients.push(client);
    return client;
  };
  beforeAll(async () => (url = await listen(ctx.t)));
  afterAll(() => clients.forEach((client) => client.close()));

  it('streams a job change, a run from start through progress to its end, and a pause and resume', async () => {
    const events = await open();
    expect(events.status).toBe(200);
    for (const symbol of SYMBOLS) ctx.yahoo.override(symbol, { delayMs: 600, times: 1 });
    const id = (await ctx.http().post('/scheduler/jobs').send({ name: 'watched', stock_ids: SYMBOLS, cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const changed = await events.next(of('job.changed', id));
    expect(changed.data).toMatchObject({ action: 'create', job: { job_id: id, name: 'watched' } });

    const runId = (await ctx.http().post(`/scheduler/jobs/${id}/run`).expect(202)).body.run_id;
    const started = await events.next(of('run.started', id));
    expect(started.data).toMatchObject({ run_id: runId, status: 'running', trigger: 'manual', progress: { done: 0, total: 4 } });
    const progress = await events.next(of('run.progress', id));
    expect(progress.data).toMatchObject({ run_id: runId, status: 'running' });
    expect((progress.data.progress as { done: number }).done).toBeGreaterThan(0);
    const finished = await events.next(of('run.finished', id));
    expect(finished.data).toMatchObject({ run_id: runId, status: 'success', progress: { done: 4, total: 4 }, fetched_count: 4, failed_count: 0 });
    // The record as the API answers it, less its per-symbol lists.
    expect(finished.data).toEqual(runSummary((await ctx.http().get(`/scheduler/jobs/${id}/runs/${runId}`).expect(200)).body));
    expect(finished.data).not.toHaveProperty('fetched_stocks');

    await ctx.http().post('/scheduler/stop').expect(200);
    await events.next((event) => event.type === 'scheduler.paused');
    await ctx.http().post('/scheduler/start').expect(200);
    await events.next((event) => event.type === 'scheduler.resumed');
    await ctx.http().delete(`/scheduler/jobs/${id}`).expect(200);
    expect((await events.next(of('job.changed', id))).data).toEqual({ job_id: id, action: 'delete', job: null });

    // Ids are ordered as the events happened.
    const ids = events.received.map((event) => event.id!);
    expect(ids.every((eventId, i) => i === 0 || isAfter(eventId, ids[i - 1]!))).toBe(true);
  }, 30_000);

  it('resumes after Last-Event-ID with exactly the events missed, then goes on live', async () => {
    const first = await open();
    const id = (await ctx.http().post('/scheduler/jobs').send({ name: 'resumed', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const created = await first.next(of('job.changed', id));
    first.close();
    await ctx.http().put(`/scheduler/jobs/${id}`).send({ name: 'renamed' }).expect(200);
    const run = await ctx.runAndWait(id);

    const resumed = await open({ 'Last-Event-ID': created.id! });
    expect((await resumed.next(of('job.changed', id))).data).toMatchObject({ action: 'update', job: { name: 'renamed' } });
    expect((await resumed.next(of('run.started', id))).data).toMatchObject({ run_id: run.run_id });
    expect((await resumed.next(of('run.finished', id))).data).toMatchObject({ run_id: run.run_id, status: 'success' });
    expect(resumed.received.some((event) => event.id === created.id)).toBe(false);
    await ctx.http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    expect((await resumed.next(of('job.changed', id))).data).toMatchObject({ action: 'stop' });
  }, 30_000);

  it('answers 400 naming Last-Event-ID when it is not an event id', async () => {
    const answer = await ctx.http().get('/scheduler/events').set('Last-Event-ID', 'yesterday').expect(400);
    expect(answer.body.message).toMatch(/Last-Event-ID/);
  });
});

describe('GET /scheduler/events across replicas and behind API_KEY', () => {
  let yahoo: FakeYahoo;
  const replicas: TestApp[] = [];
  let clients: SseClient[] = [];
  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    const env = { API_KEY: 'secret-key' };
    replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, env }));
    replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, env, keyPrefix: replicas[0]!.keyPrefix }));
  }, 30_000);
  afterAll(async () => {
    clients.forEach((client) => client.close());
    for (const replica of replicas.reverse()) await replica.close();
    await yahoo.close();
  });

  it('gives a client of one replica the runs of another, and needs the key', async () => {
    const url = await listen(replicas[1]!);
    expect((await openEvents(url)).status).toBe(401);
    const events = await openEvents(url, { 'X-API-Key': 'secret-key' });
    clients = [events];
    const http = request(replicas[0]!.app.getHttpServer());
    const id = (await http.post('/scheduler/jobs').set('X-API-Key', 'secret-key').send({ name: 'elsewhere', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
    const runId = (await http.post(`/scheduler/jobs/${id}/run`).set('X-API-Key', 'secret-key').expect(202)).body.run_id;
    expect((await events.next(of('job.changed', id))).data).toMatchObject({ action: 'create' });
    expect((await events.next(of('run.started', id))).data).toMatchObject({ run_id: runId });
    expect((await events.next(of('run.finished', id))).data).toMatchObject({ run_id: runId, status: 'success' });
  }, 30_000);
});

import { type INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { MarketDataModule } from '../src/market-data/market-data.module.js';
import { SchedulerModule } from '../src/scheduler/scheduler.module.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Http = ReturnType<typeof request>;

const UNKNOWN_JOB = '00000000-0000-4000-8000-000000000000';

/** Bad input on each kind of route part, sent as the client sends it. */
const BAD_REQUESTS: Array<[string, (http: Http, jobId: string) => request.Test]> = [
  ['POST {}', (http) => http.post('/scheduler/jobs').send({})],
  ['schedule_time 99:99', (http) => http.post('/scheduler/jobs').send({ name: 'x', stock_ids: ['AAPL'], schedule_time: '99:99' })],
  ['stock_ids not an array', (http) => http.post('/scheduler/jobs').send({ name: 'x', stock_ids: 'AAPL' })],
  ['a field no job has', (http) => http.post('/scheduler/jobs').send({ name: 'x', stock_ids: ['AAPL'], owner: 'me' })],
  ['PUT with a wrong type', (http, id) => http.put(`/scheduler/jobs/${id}`).send({ lookback_days: 'ten' })],
  ['bad query on /runs', (http, id) => http.get(`/scheduler/jobs/${id}/runs?limit=0`)],
  ['bad boolean query', (http) => http.get('/scheduler/jobs?active_only=maybe')],
  ['bad path id', (http) => http.get('/scheduler/jobs/not-a-uuid')],
  ['preview with a bad count', (http) => http.post('/scheduler/schedule-preview').send({ cron: '0 * * * *', count: 'many' })],
  ['bad market-data query', (http) => http.get('/market-data/AAPL?interval=2d')],
];

/** A host app of its own: the module and MarketDataModule, with or without a global pipe of the host's. */
async function hostApp(yahooUrl: string, globalPipe: ValidationPipe | null): Promise<INestApplication> {
  @Module({ imports: [SchedulerModule.forRoot({ yahoo: { baseUrl: yahooUrl }, autoStart: false }), MarketDataModule] })
  class HostAppModule {}
  const app = (await Test.createTestingModule({ imports: [HostAppModule] }).compile()).createNestApplication({ logger: ['error'] });
  if (globalPipe) app.useGlobalPipes(globalPipe);
  return app.init();
}

describe.each([
  ['without a global ValidationPipe', null],
  ['with a global ValidationPipe of its own', new ValidationPipe({ transform: true })],
  ['with a global ValidationPipe as strict as ours', new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })],
])('SchedulerModule in a host app %s', (_, globalPipe) => {
  let yahoo: FakeYahoo;
  let standalone: TestApp;
  let host: INestApplication;
  const jobIds = new Map<string, string>();

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    standalone = await createTestApp({ store: 'memory', yahooUrl: yahoo.url });
    host = await hostApp(yahoo.url, globalPipe);
    for (const [name, app] of [['standalone', standalone.app], ['host', host]] as const) {
      const created = await request(app.getHttpServer()).post('/scheduler/jobs').send({ name: 'kept', stock_ids: ['msft', 'MSFT', 'aapl'] }).expect(201);
      jobIds.set(name, created.body.job_id);
    }
  });
  afterAll(async () => {
    await host?.close();
    await standalone?.close();
    await yahoo?.close();
  });

  it.each(BAD_REQUESTS)('answers %s with the standalone app\'s 400, and writes nothing', async (_, send) => {
    const expected = await send(request(standalone.app.getHttpServer()), jobIds.get('standalone')!);
    const got = await send(request(host.getHttpServer()), jobIds.get('host')!);
    expect(expected.status).toBe(400);
    expect({ status: got.status, body: got.body }).toEqual({ status: 400, body: expected.body });
    const jobs = (await request(host.getHttpServer()).get('/scheduler/jobs').expect(200)).body as Array<{ job_id: string; lookback_days: number }>;
    expect(jobs.map((job) => [job.job_id, job.lookback_days])).toEqual([[jobIds.get('host'), 30]]);
  });

  it('transforms valid input once, as the standalone app does', async () => {
    const http = request(host.getHttpServer());
    const id = jobIds.get('host')!;
    expect((await http.get(`/scheduler/jobs/${id}`).expect(200)).body.stock_ids).toEqual(['MSFT', 'AAPL']);
    expect((await http.get('/scheduler/jobs?active_only=false').expect(200)).body).toHaveLength(1);
    expect((await http.get(`/scheduler/jobs/${id}/next-runs?count=3`).expect(200)).body.next_runs).toHaveLength(3);
    expect((await http.get(`/scheduler/jobs/${UNKNOWN_JOB}/runs?limit=5`).expect(404)).body.message).toContain(UNKNOWN_JOB);
  });
});

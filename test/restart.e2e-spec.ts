import request from 'supertest';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp } from './support/test-app.js';

describe('restart on the same Redis', () => {
  let yahoo: FakeYahoo;

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
  });
  afterAll(() => yahoo.close());

  it('keeps every definition and registers the active jobs again at boot', async () => {
    const first = await createTestApp({ store: 'redis', yahooUrl: yahoo.url });
    const http1 = request(first.app.getHttpServer());
    const active = (await http1.post('/scheduler/jobs').send({ name: 'a', stock_ids: ['AAPL'], cron: '0 9 * * 1-5' }).expect(201)).body.job_id;
    const stopped = (await http1.post('/scheduler/jobs').send({ name: 'b', stock_ids: ['MSFT'] }).expect(201)).body.job_id;
    await http1.post(`/scheduler/jobs/${stopped}/stop`).expect(200);
    const before = (await http1.get('/scheduler/jobs').expect(200)).body;
    await first.close({ flush: false });

    const second = await createTestApp({ store: 'redis', yahooUrl: yahoo.url, keyPrefix: first.keyPrefix });
    try {
      const http2 = request(second.app.getHttpServer());
      expect((await http2.get('/scheduler/jobs').expect(200)).body).toEqual(before);
      expect((await http2.get('/scheduler/status').expect(200)).body).toMatchObject({
        total_jobs_count: 2,
        active_jobs_count: 1,
        registered_jobs_count: 1,
      });
      expect((await http2.get(`/scheduler/jobs/${active}/next-runs?count=3`).expect(200)).body.next_runs).toHaveLength(3);
    } finally {
      await second.close();
    }
  });
});

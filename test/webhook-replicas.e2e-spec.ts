import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { useServiceProcesses } from './support/service-processes.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { createTestApp, eventually, recordedRun, testRedisUrl, type TestApp } from './support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const FAST = { WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_RETRY_SCHEDULE: '1,1', WEBHOOK_TIMEOUT_MS: '1000' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks from three replicas on one Redis', () => {
  let yahoo: FakeYahoo;
  let receiver: WebhookReceiver;
  const replicas: TestApp[] = [];
  const http = (i: number) => request(replicas[i]!.app.getHttpServer());

  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    receiver = await startWebhookReceiver();
    replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, env: FAST }));
    for (let i = 0; i < 2; i++) replicas.push(await createTestApp({ store: 'redis', yahooUrl: yahoo.url, env: FAST, keyPrefix: replicas[0]!.keyPrefix }));
  }, 30_000);
  afterAll(async () => {
    for (const replica of replicas.reverse()) await replica.close();
    await receiver.close();
    await yahoo.close();
  });

  it('delivers each event once, whichever replica recorded it and however many look at the queue', async () => {
    const endpoint = (await http(0).post('/scheduler/webhooks').send({ url: receiver.url, events: ['run.succeeded'] }).expect(201)).body;
    receiver.verifyWith(endpoint.secret);
    // A flaky receiver makes every replica's dispatcher see retries as well.
    receiver.answer({ status: 500 }, { status: 500 }, { status: 500 });
    const runIds: string[] = [];
    for (let i = 0; i < 9; i++) {
      const replica = i % 3;
      const id = (await http(replica).post('/scheduler/jobs').send({ name: `r${i}`, stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
      const { run_id } = (await http(replica).post(`/scheduler/jobs/${id}/run`).expect(202)).body;
      await recordedRun(replicas[replica]!.app.getHttpServer(), id, run_id, 10_000);
      runIds.push(run_id);
    }
    await receiver.waitFor(9 + 3);
    await sleep(2500); // anything sent twice would arrive by now
    const succeeded = receiver.received.filter((r) => r.payload.type === 'run.succeeded');
    expect(succeeded.every((r) => r.verified[0])).toBe(true);
    const ids = succeeded.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(12); // 9 deliveries, 3 of them attempted twice
    expect(new Set(ids).size).toBe(9);
    expect(new Set(succeeded.map((r) => r.payload.data.run_id)).size).toBe(9);
    expect([...new Set(succeeded.map((r) => r.payload.data.run_id as string))].sort()).toEqual([...runIds].sort());
  }, 60_000);
});

describe('a webhook delivery whose replica dies mid-attempt', () => {
  const processes = useServiceProcesses();

  it('is finished by another replica, with the same webhook-id', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const shared = { REDIS_URL: testRedisUrl(), KEY_PREFIX: `test:${randomUUID()}:`, YAHOO_MAX_RPS: '1000', ...FAST, WEBHOOK_TIMEOUT_MS: '2000' };
      const a = await processes.start(shared);
      const endpoint = (await request(a.url).post('/scheduler/webhooks').send({ url: receiver.url, events: ['run.succeeded'] }).expect(201)).body;
      receiver.verifyWith(endpoint.secret);
      receiver.answer('hang'); // A's attempt gets no answer
      const id = (await request(a.url).post('/scheduler/jobs').send({ name: 'dies mid-delivery', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body.job_id;
      await request(a.url).post(`/scheduler/jobs/${id}/run`).expect(202);
      const [first] = await receiver.waitFor(1);
      // Killed at once: alive past its 2 s timeout and the 1 s retry, A would make the second attempt itself.
      await a.kill('SIGKILL');
      const b = await processes.start(shared);
      // A's claim hid the delivery for twice the 2 s timeout + 1 s; then B takes it.
      const [, second] = await receiver.waitFor(2, () => true, 20_000);
      expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(second!.verified).toEqual([true]);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(4000);
      const delivered = await eventually(async () => {
        const [delivery] = (await request(b.url).get(`/scheduler/webhooks/${endpoint.id}/deliveries`).expect(200)).body;
        return delivery?.status === 'succeeded' ? delivery : undefined;
      }, 5000, 'the delivery to succeed through B');
      expect(delivered).toMatchObject({ delivery_id: first!.headers['webhook-id'], last_status_code: 204 });
    } finally {
      await receiver.close();
    }
  }, 60_000);
});

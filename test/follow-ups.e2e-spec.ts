import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { RunRecord } from '../src/scheduler/job.js';
import { makeRun } from '../src/storage/contract/fixtures.js';
import { RedisFollowUpQueue } from '../src/storage/redis/redis-follow-up-queue.js';
import { RedisJobStore } from '../src/storage/redis/redis-job-store.js';
import { runFollowUpId, type RunFollowUpBody } from '../src/storage/follow-up-queue.js';
import { startFakeYahoo, type FakeYahoo } from './support/fake-yahoo.js';
import { useServiceProcesses } from './support/service-processes.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { createTestApp, eventually, recordedRun, testRedisUrl, type TestApp } from './support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A run recorded by a replica that died before anything followed it: the record script queued its
 * follow-up in the same step, so another replica makes it. The dead replica is played by the test
 * writing through the real Redis job store, exactly the state such a death leaves behind.
 */
describe('the follow-up of a run whose replica died right after recording it', () => {
  let yahoo: FakeYahoo;
  let receiver: WebhookReceiver;
  let sink: SmtpSink;
  let b: TestApp;
  let raw: Redis;
  const http = () => request(b.app.getHttpServer());

  beforeAll(async () => {
    [yahoo, receiver, sink] = await Promise.all([startFakeYahoo(), startWebhookReceiver(), startSmtpSink()]);
    b = await createTestApp({ store: 'redis', yahooUrl: yahoo.url, env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1', SMTP_URL: sink.url, SCHEDULER_LEASE_TTL_MS: '2000' } });
    raw = new Redis(testRedisUrl(), { keyPrefix: b.keyPrefix });
  }, 30_000);
  afterAll(async () => {
    await b.close();
    await raw.quit();
    await Promise.all([receiver.close(), sink.close(), yahoo.close()]);
  });

  it('is made by another replica: the webhook, the mail, the chained run and the retry, each once', async () => {
    const endpoint = (await http().post('/scheduler/webhooks').send({ url: receiver.url, events: ['run.partial_success'] }).expect(201)).body;
    receiver.verifyWith(endpoint.secret);
    const upstream = (await http().post('/scheduler/jobs').send({ name: 'upstream', stock_ids: ['AAPL', 'NOPE'], cron: '0 0 1 1 *', notify_email: ['ops@example.com'], retry: { attempts: 0, backoff_ms: 1 }, run_retry: { attempts: 1, delay_seconds: 1 } }).expect(201)).body.job_id as string;
    const dependant = (await http().post('/scheduler/jobs').send({ name: 'dependant', stock_ids: ['MSFT'], schedule: 'chain_only', run_after: [upstream] }).expect(201)).body.job_id as string;

    // The dead replica's last act: the run recorded, its follow-up queued and due (the replica's lease TTL is over).
    const ended = new Date().toISOString();
    const run: RunRecord = { ...makeRun(upstream, 1), run_id: randomUUID(), job_name: 'upstream', trigger: 'manual', scheduled_for: null, start_time: ended, end_time: ended };
    await new RedisJobStore(raw).recordRun(run, 50, { status: 'completed' }, { followUpDueMs: Date.now() });

    const [delivered] = await receiver.waitFor(1, (r) => r.payload.type === 'run.partial_success', 10_000);
    expect(delivered!.verified).toEqual([true]);
    expect(delivered!.payload.data).toMatchObject({ run_id: run.run_id, failed_stocks: ['NOPE'] });
    const [mail] = await sink.waitFor(1);
    expect(mail!.text).toContain(`Run ${run.run_id} partly succeeded`);
    const [chained] = await eventually(async () => {
      const runs: RunRecord[] = (await http().get(`/scheduler/jobs/${dependant}/runs`).expect(200)).body;
      return runs.length === 1 && runs[0]!.status !== 'running' ? runs : undefined;
    }, 10_000, 'the chained run');
    expect(chained).toMatchObject({ trigger: 'chain', upstream_run_id: run.run_id, status: 'success' });
    const retry = await eventually(async () => {
      const runs: RunRecord[] = (await http().get(`/scheduler/jobs/${upstream}/runs`).expect(200)).body;
      return runs.find((r) => r.trigger === 'retry' && r.status !== 'running');
    }, 10_000, 'the retry');
    expect(retry).toMatchObject({ upstream_run_id: run.run_id, retry_attempt: 1, fetched_stocks: [], failed_stocks: ['NOPE'] });
    await eventually(async () => ((await raw.zcard('scheduler:follow-ups')) === 0 ? true : undefined), 10_000, 'the queue to empty');

    // A second replica making the same follow-up again (its claim ran out mid-way) adds nothing.
    const body: RunFollowUpBody = { kind: 'run', run };
    await new RedisFollowUpQueue(raw).add({ id: runFollowUpId(run.run_id), body: JSON.stringify(body) }, Date.now());
    await eventually(async () => ((await raw.zcard('scheduler:follow-ups')) === 0 ? true : undefined), 10_000, 'the queue to empty again');
    await sleep(2500);
    expect(receiver.received.filter((r) => r.payload.type === 'run.partial_success')).toHaveLength(1);
    // The retry failed too and has its own mail; the recorded run has one.
    expect(sink.mails.filter((m) => m.text.includes(`Run ${run.run_id} `))).toHaveLength(1);
    expect((await http().get(`/scheduler/jobs/${dependant}/runs`).expect(200)).body).toHaveLength(1);
    const upstreamRuns: RunRecord[] = (await http().get(`/scheduler/jobs/${upstream}/runs`).expect(200)).body;
    expect(upstreamRuns.filter((r) => r.trigger === 'retry')).toHaveLength(1);
  }, 40_000);

  it('makes the webhook of a job change whose replica died right after writing it, and none for a change never written', async () => {
    const endpoint = (await http().post('/scheduler/webhooks').send({ url: receiver.url, events: ['job.updated'] }).expect(201)).body;
    receiver.verifyWith(endpoint.secret);
    const created = (await http().post('/scheduler/jobs').send({ name: 'changed behind', stock_ids: ['AAPL'], cron: '0 0 1 1 *' }).expect(201)).body;
    // What JobManager leaves when it dies: the follow-up queued, then the change written (or, for the second, not).
    const queue = new RedisFollowUpQueue(raw);
    const written = { ...created, name: 'renamed', updated_at: new Date(Date.now() + 1000).toISOString() };
    const lost = { ...created, name: 'never written', updated_at: new Date(Date.now() + 5000).toISOString() };
    await queue.add({ id: `change:${randomUUID()}`, body: JSON.stringify({ kind: 'change', action: 'update', job: written, updated_at: written.updated_at }) }, Date.now());
    await queue.add({ id: `change:${randomUUID()}`, body: JSON.stringify({ kind: 'change', action: 'update', job: lost, updated_at: lost.updated_at }) }, Date.now());
    await new RedisJobStore(raw).patch(created.job_id, { name: 'renamed', updated_at: written.updated_at });

    const [delivered] = await receiver.waitFor(1, (r) => r.payload.type === 'job.updated', 10_000);
    expect(delivered!.verified).toEqual([true]);
    expect(delivered!.payload.data).toMatchObject({ job_id: created.job_id, name: 'renamed' });
    await eventually(async () => ((await raw.zcard('scheduler:follow-ups')) === 0 ? true : undefined), 10_000, 'the queue to empty');
    await sleep(1500);
    expect(receiver.received.filter((r) => r.payload.type === 'job.updated')).toHaveLength(1);
  }, 30_000);
});

describe('a run retry whose replica is killed while it waits', () => {
  const processes = useServiceProcesses();

  it('is made by another replica when it is due', async () => {
    const shared = { REDIS_URL: testRedisUrl(), KEY_PREFIX: `test:${randomUUID()}:`, YAHOO_MAX_RPS: '1000', SCHEDULER_LEASE_TTL_MS: '2000' };
    const raw = new Redis(testRedisUrl(), { keyPrefix: shared.KEY_PREFIX });
    try {
      const a = await processes.start(shared);
      const b = await processes.start(shared);
      processes.yahoo.override('MSFT', { status: 503, times: 1 });
      const id = (await request(a.url).post('/scheduler/jobs').send({ name: 'retried after a death', stock_ids: ['AAPL', 'MSFT'], cron: '0 0 1 1 *', retry: { attempts: 0, backoff_ms: 1 }, run_retry: { attempts: 1, delay_seconds: 4 } }).expect(201)).body.job_id;
      const { run_id } = (await request(a.url).post(`/scheduler/jobs/${id}/run`).expect(202)).body;
      const first = await recordedRun(a.url, id, run_id);
      expect(first).toMatchObject({ status: 'partial_success', failed_stocks: ['MSFT'] });
      await eventually(async () => ((await raw.zscore('scheduler:follow-ups', `retry:${run_id}`)) !== null ? true : undefined), 5000, 'the retry to be queued');
      await a.kill('SIGKILL');
      const retry = await eventually(async () => {
        const runs: RunRecord[] = (await request(b.url).get(`/scheduler/jobs/${id}/runs`).expect(200)).body;
        return runs.find((r) => r.trigger === 'retry' && r.status !== 'running');
      }, 15_000, 'the retry through B');
      expect(retry).toMatchObject({ upstream_run_id: run_id, retry_attempt: 1, status: 'success', fetched_stocks: ['MSFT'] });
      expect(Date.parse(retry!.start_time) - Date.parse(first.end_time)).toBeGreaterThanOrEqual(3900);
    } finally {
      await raw.quit();
    }
  }, 60_000);
});

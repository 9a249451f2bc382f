import { useE2eApp } from './support/e2e-context.js';
import { eventually, type StoreKind } from './support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.js';

const FAST = { WEBHOOK_ALLOW_HOSTS: '127.0.0.1', WEBHOOK_RETRY_SCHEDULE: '1,1', WEBHOOK_TIMEOUT_MS: '1000' };

describe.each<StoreKind>(['memory', 'redis'])('webhooks (%s store)', (store) => {
  const ctx = useE2eApp(store, { env: FAST });
  let receiver: WebhookReceiver;
  beforeEach(async () => (receiver = await startWebhookReceiver()));
  afterEach(() => receiver.close());

  const addEndpoint = async (body: Record<string, unknown> = {}) => {
    const created = (await ctx.http().post('/scheduler/webhooks').send({ url: receiver.url, events: ['run.succeeded', 'run.failed', 'job.created'], ...body }).expect(201)).body;
    receiver.verifyWith(created.secret);
    return created as { id: string; secret: string };
  };
  const newJob = async (name: string, stock_ids = ['AAPL']) => (await ctx.http().post('/scheduler/jobs').send({ name, stock_ids, cron: '0 0 1 1 *' }).expect(201)).body.job_id as string;
  const deliveries = async (id: string) => (await ctx.http().get(`/scheduler/webhooks/${id}/deliveries`).expect(200)).body;

  it('signs each delivery as Standard Webhooks; the body carries the run record; the secret is shown once', async () => {
    const endpoint = await addEndpoint();
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect((await ctx.http().get(`/scheduler/webhooks/${endpoint.id}`).expect(200)).body).not.toHaveProperty('secret');
    const jobId = await newJob('hooked');
    const run = await ctx.runAndWait(jobId);
    const [created] = await receiver.waitFor(1, (r) => r.payload.type === 'job.created');
    expect(created!.payload.data).toMatchObject({ job_id: jobId, name: 'hooked' });
    const [succeeded] = await receiver.waitFor(1, (r) => r.payload.type === 'run.succeeded');
    expect(succeeded!.verified).toEqual([true]);
    expect(succeeded!.payload.data).toEqual(run);
    expect(succeeded!.headers['webhook-id']).toMatch(/^msg_/);
    expect(Math.abs(Number(succeeded!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    const listed = await deliveries(endpoint.id);
    expect(listed.find((d: { type: string }) => d.type === 'run.succeeded')).toMatchObject({ status: 'succeeded', attempts: 1, last_status_code: 204, delivery_id: succeeded!.headers['webhook-id'] });
  }, 30_000);

  it('retries a failure with the same webhook-id, honours Retry-After, and redelivers on demand', async () => {
    const endpoint = await addEndpoint({ events: ['run.succeeded'] });
    receiver.answer({ status: 500 }, { status: 429, headers: { 'Retry-After': '2' } });
    await ctx.runAndWait(await newJob('flaky receiver'));
    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(700); // 1 s ± 20 %
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(1900); // Retry-After: 2 over the schedule's 1 s
    const [delivery] = await eventually(async () => {
      const listed = await deliveries(endpoint.id);
      return listed[0]?.status === 'succeeded' ? listed : undefined;
    }, 5000, 'the delivery to succeed');
    expect(delivery).toMatchObject({ attempts: 3, last_status_code: 204 });

    await ctx.http().post(`/scheduler/webhooks/${endpoint.id}/deliveries/${delivery.delivery_id}/redeliver`).expect(202);
    const again = await receiver.waitFor(4);
    expect(again[3]!.headers['webhook-id']).toBe(delivery.delivery_id);
    await ctx.http().post(`/scheduler/webhooks/${endpoint.id}/deliveries/nope/redeliver`).expect(400);
  }, 30_000);

  it('gives up when the schedule is spent, and disables an endpoint that answers 410 until it is updated', async () => {
    const endpoint = await addEndpoint({ events: ['run.succeeded'] });
    receiver.answer({ status: 503 }, { status: 503 }, { status: 503 });
    await ctx.runAndWait(await newJob('down receiver'));
    await receiver.waitFor(3);
    const [spent] = await eventually(async () => ((await deliveries(endpoint.id))[0]?.status === 'failed' ? deliveries(endpoint.id) : undefined), 5000, 'failed');
    expect(spent).toMatchObject({ attempts: 3, last_status_code: 503, last_error: 'HTTP 503', next_attempt_at: null });

    receiver.answer({ status: 410 });
    const jobId = await newJob('gone receiver');
    await ctx.runAndWait(jobId);
    await receiver.waitFor(4);
    const disabled = await eventually(async () => {
      const body = (await ctx.http().get(`/scheduler/webhooks/${endpoint.id}`).expect(200)).body;
      return body.disabled_at ? body : undefined;
    }, 5000, 'disabled');
    expect(disabled.disabled_at).toMatch(/^\d{4}-/);
    await ctx.runAndWait(jobId);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received).toHaveLength(4); // nothing sent to a disabled endpoint
    expect((await ctx.http().put(`/scheduler/webhooks/${endpoint.id}`).send({ description: 'back' }).expect(200)).body.disabled_at).toBeNull();
    await ctx.runAndWait(jobId);
    await receiver.waitFor(5);
  }, 40_000);

  it('sends only the events and jobs an endpoint names, and signs with old and new secret after a rotation', async () => {
    const mine = await newJob('mine');
    const other = await newJob('other');
    const endpoint = await addEndpoint({ events: ['run.succeeded', 'job.updated'], job_ids: [mine] });
    await ctx.runAndWait(other);
    await ctx.runAndWait(mine);
    await ctx.http().put(`/scheduler/jobs/${mine}`).send({ name: 'mine, renamed' }).expect(200);
    const got = await receiver.waitFor(2);
    expect(got.map((r) => [r.payload.type, r.payload.data.job_id])).toEqual([['run.succeeded', mine], ['job.updated', mine]]);

    const rotated = (await ctx.http().put(`/scheduler/webhooks/${endpoint.id}`).send({ rotate_secret: true }).expect(200)).body;
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    receiver.verifyWith(endpoint.secret, rotated.secret);
    await ctx.runAndWait(mine);
    const [afterRotation] = (await receiver.waitFor(3)).slice(2);
    expect(afterRotation!.verified).toEqual([true, true]);
    expect(String(afterRotation!.headers['webhook-signature']).split(' ')).toHaveLength(2);
  }, 30_000);

  it('lists, updates and deletes endpoints; 400 names the field; 404 for an unknown one', async () => {
    const endpoint = await addEndpoint();
    expect((await ctx.http().get('/scheduler/webhooks').expect(200)).body.map((e: { id: string }) => e.id)).toContain(endpoint.id);
    const bad = await ctx.http().post('/scheduler/webhooks').send({ url: receiver.url, events: ['run.exploded'] }).expect(400);
    expect(bad.body.message.join(' ')).toMatch(/events must be one of/);
    await ctx.http().post('/scheduler/webhooks').send({ url: receiver.url, events: [] }).expect(400);
    await ctx.http().post('/scheduler/webhooks').send({ url: receiver.url, events: ['run.failed'], job_ids: ['x'] }).expect(400);
    await ctx.http().delete(`/scheduler/webhooks/${endpoint.id}`).expect(200);
    await ctx.http().get(`/scheduler/webhooks/${endpoint.id}`).expect(404);
    await ctx.http().get(`/scheduler/webhooks/${endpoint.id}/deliveries`).expect(404);
    await ctx.http().get('/scheduler/webhooks/not-a-uuid').expect(400);
  });
});

describe('webhook URLs that would reach the service\'s own network (SSRF)', () => {
  const ctx = useE2eApp('memory');

  it.each([
    ['http://127.0.0.1:9/hooks', /127\.0\.0\.1 resolves to 127\.0\.0\.1 \(loopback\)/],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 \(linkLocal\)/],
    ['http://localhost:9/hooks', /localhost resolves to .*loopback/],
    ['http://10.0.0.1/hooks', /10\.0\.0\.1 \(private\)/],
    ['http://[::1]/hooks', /::1 \(loopback\)/],
    ['http://[::ffff:127.0.0.1]/hooks', /loopback/],
    ['ftp://example.com/hooks', /url must use http or https/],
    ['https://user:secret@example.com/hooks', /must not hold credentials/],
    ['not a url', /absolute http or https URL/],
  ])('refuses %s with a 400 naming why, and stores nothing', async (url, why) => {
    const answer = await ctx.http().post('/scheduler/webhooks').send({ url, events: ['run.failed'] }).expect(400);
    expect(answer.body.message.join(' ')).toMatch(why);
    expect((await ctx.http().get('/scheduler/webhooks').expect(200)).body).toEqual([]);
  });
});

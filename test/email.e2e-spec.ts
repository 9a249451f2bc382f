import { useE2eApp } from './support/e2e-context.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

let sink: SmtpSink;
// The sink's port is known once it listens, before the app of the suite below boots (an outer beforeAll runs first).
const env: Record<string, string> = { WEBHOOK_RETRY_SCHEDULE: '1,1', NOTIFY_EMAIL_FROM: 'scheduler@example.com', PUBLIC_URL: 'http://scheduler.example:8001' };
beforeAll(async () => {
  sink = await startSmtpSink();
  env.SMTP_URL = sink.url;
});
afterAll(() => sink.close());

describe('run mails (redis store, a local SMTP server)', () => {
  const ctx = useE2eApp('redis', { env });

  it('mails one plain message per matching run, with the failing symbols, their errors and a dashboard link', async () => {
    sink.mails.length = 0;
    const id = (await ctx.http().post('/scheduler/jobs').send({ name: 'Mailed bars', stock_ids: ['AAPL', 'NOPE'], cron: '0 0 1 1 *', notify_email: ['ops@example.com', 'quant@example.com'] }).expect(201)).body.job_id;
    expect((await ctx.http().get(`/scheduler/jobs/${id}`).expect(200)).body).toMatchObject({ notify_email: ['ops@example.com', 'quant@example.com'], notify_on: ['failed', 'partial_success'] });
    const run = await ctx.runAndWait(id);
    expect(run.status).toBe('partial_success');
    const [mail] = await sink.waitFor(1);
    expect(mail!.from).toBe('scheduler@example.com');
    expect(mail!.to).toEqual(['ops@example.com', 'quant@example.com']);
    expect(mail!.headers.subject).toBe('[stock-data-scheduler] Mailed bars: run partly succeeded (1 of 2 symbols)');
    expect(mail!.headers['content-type']).toMatch(/^text\/plain/);
    expect(mail!.text).toContain(`Run ${run.run_id} partly succeeded: trigger manual`);
    expect(mail!.text).toMatch(/^ {2}NOPE: SymbolNotFoundError: .*NOPE/m);
    expect(mail!.text).toContain(`Dashboard: http://scheduler.example:8001/ui#/jobs/${id}`);

    // A success is not in notify_on: no mail.
    await ctx.http().put(`/scheduler/jobs/${id}`).send({ stock_ids: ['AAPL'] }).expect(200);
    await ctx.runAndWait(id);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(sink.mails).toHaveLength(1);
  }, 30_000);

  it('retries a mail the server refuses for now', async () => {
    sink.mails.length = 0;
    sink.refuse(1);
    const id = (await ctx.http().post('/scheduler/jobs').send({ name: 'Retried mail', stock_ids: ['NOPE'], cron: '0 0 1 1 *', notify_email: ['ops@example.com'], notify_on: ['failed'] }).expect(201)).body.job_id;
    const run = await ctx.runAndWait(id);
    expect(run.status).toBe('failed');
    const [mail] = await sink.waitFor(1);
    expect(mail!.text).toContain(`Run ${run.run_id} failed`);
  }, 30_000);

  it('refuses addresses that are not ones, and outcomes it does not know, with a 400 naming the field', async () => {
    const bad = await ctx.http().post('/scheduler/jobs').send({ name: 'bad', stock_ids: ['AAPL'], notify_email: ['not-an-address'] }).expect(400);
    expect(bad.body.message.join(' ')).toMatch(/notify_email must be an email address/);
    const unknown = await ctx.http().post('/scheduler/jobs').send({ name: 'bad', stock_ids: ['AAPL'], notify_email: ['ops@example.com'], notify_on: ['exploded'] }).expect(400);
    expect(unknown.body.message.join(' ')).toMatch(/notify_on must be one of/);
  });
});

describe('notify_email without a mail server', () => {
  const ctx = useE2eApp('memory');

  it('is a 400 naming SMTP_URL, and nothing is stored', async () => {
    const answer = await ctx.http().post('/scheduler/jobs').send({ name: 'no server', stock_ids: ['AAPL'], notify_email: ['ops@example.com'] }).expect(400);
    expect(answer.body.message.join(' ')).toMatch(/notify_email needs a mail server: set SMTP_URL/);
    expect((await ctx.http().get('/scheduler/jobs').expect(200)).body).toEqual([]);
  });
});

import { useE2eApp } from './support/e2e-context.js';

describe('text the API accepts round-trips; a value the store cannot read is a bug, not an outage', () => {
  const ctx = useE2eApp('redis');
  const http = ctx.http;

  it('keeps well-formed non-ASCII text as sent and normalises symbols only after checking them', async () => {
    const name = '📈 Tägliche Kurse — 株価 ✓';
    const created = await http()
      .post('/scheduler/jobs')
      .send({ name, stock_ids: ['brk-b', '^gspc', 'eurusd=x', 'BRK-B', 'ocdo.l'] })
      .expect(201);
    const id = created.body.job_id;
    const job = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(job).toMatchObject({ name, stock_ids: ['BRK-B', '^GSPC', 'EURUSD=X', 'OCDO.L'] });

    await http().put(`/scheduler/jobs/${id}`).send({ name: `${name} 🚀` }).expect(200);
    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    await http().post(`/scheduler/jobs/${id}/start`).expect(200);
    expect((await http().get(`/scheduler/jobs/${id}`).expect(200)).body).toMatchObject({ name: `${name} 🚀`, is_active: true });
  });

  it('answers a stored job the Lua merge cannot decode with a generic 500, no script internals and no 503', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'poisoned', stock_ids: ['AAPL'] }).expect(201)).body.job_id;
    const key = `${ctx.t.keyPrefix}scheduler:job:${id}`;
    // Written behind the API's back, as the API itself used to: JSON.stringify escapes a lone surrogate, cjson refuses it.
    const stored = await ctx.t.redis!.get(key);
    await ctx.t.redis!.set(key, stored!.replace('"name":"poisoned"', '"name":"bad\\ud800name"'));

    const res = await http().post(`/scheduler/jobs/${id}/stop`);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ statusCode: 500, message: 'Internal server error' });
    await http().get('/health').expect(200);
  });

  it('records a symbol whose bars the store refused without the reply\'s internals', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'refused', stock_ids: ['AAPL', 'MSFT'], is_active: false }).expect(201)).body.job_id;
    // A key of the wrong type where AAPL's series belongs: every command on it is refused (WRONGTYPE).
    await ctx.t.redis!.set(`${ctx.t.keyPrefix}scheduled_stock_data:AAPL:1d`, 'not a series');

    const run = await ctx.runAndWait(id);
    expect(run).toMatchObject({ status: 'partial_success', fetched_stocks: ['MSFT'], failed_stocks: ['AAPL'] });
    expect(run.errors).toEqual([
      { symbol: 'AAPL', kind: 'StoreCommandError', error: 'the store refused to write the bars (details in the service log)', attempts: 1 },
    ]);
    expect(JSON.stringify(run)).not.toMatch(/WRONGTYPE|script/i);
  });
});

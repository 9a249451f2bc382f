import { useE2eApp } from './support/e2e-context.js';

/** A job's own retry policy replaces the configured one (3 retries from 500 ms) for its symbols. */
describe.each(['memory', 'redis'] as const)('a job\'s retry policy (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const create = async (body: Record<string, unknown>) => (await ctx.http().post('/scheduler/jobs').send({ stock_ids: ['AAPL'], cron: '0 0 1 1 *', ...body }).expect(201)).body.job_id as string;

  it('makes as many attempts as the job says, after its own backoff', async () => {
    ctx.yahoo.override('AAPL', { status: 503, body: 'Service Unavailable' });
    try {
      const none = await create({ name: 'no retries', retry: { attempts: 0, backoff_ms: 1 } });
      const two = await create({ name: 'two retries', retry: { attempts: 2, backoff_ms: 1 } });
      expect((await ctx.http().get(`/scheduler/jobs/${two}`).expect(200)).body.retry).toEqual({ attempts: 2, backoff_ms: 1 });
      const [first, second] = [await ctx.runAndWait(none), await ctx.runAndWait(two)];
      expect(first.errors).toEqual([expect.objectContaining({ symbol: 'AAPL', kind: 'ProviderUnavailableError', attempts: 1 })]);
      expect(second.errors).toEqual([expect.objectContaining({ symbol: 'AAPL', kind: 'ProviderUnavailableError', attempts: 3 })]);
      expect(second.duration_ms).toBeLessThan(1500); // 1 + 2 ms of backoff, not the configured 500 + 1000
    } finally {
      ctx.yahoo.reset();
    }
  }, 30_000);

  it('refuses a policy out of bounds with a 400 naming the field, and null goes back to the configured one', async () => {
    for (const retry of [{ attempts: 11, backoff_ms: 1 }, { attempts: 1, backoff_ms: 0 }, { attempts: 1 }, 'often', { attempts: 1, backoff_ms: 1, extra: true }]) {
      const answer = await ctx.http().post('/scheduler/jobs').send({ name: 'bad', stock_ids: ['AAPL'], retry }).expect(400);
      expect(answer.body.message.join(' ')).toMatch(/retry/);
    }
    const id = await create({ name: 'reset', retry: { attempts: 4, backoff_ms: 10 } });
    await ctx.http().put(`/scheduler/jobs/${id}`).send({ retry: null }).expect(200);
    expect((await ctx.http().get(`/scheduler/jobs/${id}`).expect(200)).body.retry).toBeNull();
  });
});

import { useE2eApp } from './support/e2e-context.js';

describe('audit trail (redis store)', () => {
  const ctx = useE2eApp('redis');
  const { http } = ctx;

  it('keeps who changed what and when, newest first, after the job is gone too', async () => {
    const id = (await http().post('/scheduler/jobs').set('X-Actor', 'alice').send({ name: 'audited', stock_ids: ['AAPL'] }).expect(201)).body.job_id;
    await http().put(`/scheduler/jobs/${id}`).set('X-Actor', 'bob').send({ schedule_time: '18:00', stock_ids: ['AAPL', 'MSFT'] }).expect(200);
    await http().put(`/scheduler/jobs/${id}`).set('X-Actor', 'bob').send({ name: 'audited' }).expect(200); // no change: no entry
    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    await http().delete(`/scheduler/jobs/${id}`).set('X-Actor', 'carol').expect(200);

    const trail = (await http().get(`/scheduler/jobs/${id}/audit`).expect(200)).body;
    expect(trail.map((entry: { action: string; actor: string }) => [entry.action, entry.actor])).toEqual([
      ['delete', 'carol'],
      ['stop', expect.stringMatching(/^ip:/)],
      ['update', 'bob'],
      ['create', 'alice'],
    ]);
    expect(trail[2].changes).toEqual({
      stock_ids: { from: ['AAPL'], to: ['AAPL', 'MSFT'] },
      schedule_time: { from: '17:00', to: '18:00' },
    });
    expect(trail[1].changes).toEqual({ is_active: { from: true, to: false } });
    expect(trail[3].changes.name).toEqual({ from: null, to: 'audited' });
    expect(trail[0].changes.name).toEqual({ from: 'audited', to: null });
    expect(Date.parse(trail[0].at)).toBeGreaterThanOrEqual(Date.parse(trail[3].at));
    expect(await ctx.t.redis!.type(`${ctx.t.keyPrefix}scheduler:audit:${id}`)).toBe('list');

    await http().get('/scheduler/jobs/00000000-0000-4000-8000-000000000000/audit').expect(404);
  });
});

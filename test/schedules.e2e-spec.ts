import { useE2eApp } from './support/e2e-context.js';

describe('schedule preview and next runs (memory store)', () => {
  const { http } = useE2eApp('memory');

  it('validates a schedule like a job and previews its fire times, storing nothing', async () => {
    const res = await http()
      .post('/scheduler/schedule-preview')
      .send({ cron: '30 16 * * 1-5', timezone: 'America/New_York', count: 7 })
      .expect(200);
    expect(res.body.timezone).toBe('America/New_York');
    expect(res.body.next_runs).toHaveLength(7);
    for (const time of res.body.next_runs) {
      expect(time).toMatch(/T16:30:00\.000-0[45]:00$/);
      expect([1, 2, 3, 4, 5]).toContain(new Date(Date.parse(time) - 5 * 3600_000).getUTCDay());
    }
    expect((await http().get('/scheduler/jobs').expect(200)).body).toEqual([]);
  });

  it('gives a job the same fire times as its preview', async () => {
    const schedule = { interval_seconds: 900, timezone: 'Asia/Tokyo' };
    const preview = (await http().post('/scheduler/schedule-preview').send({ ...schedule, count: 3 }).expect(200)).body;
    const id = (await http().post('/scheduler/jobs').send({ name: 'tokyo', stock_ids: ['7203.T'], ...schedule }).expect(201)).body.job_id;
    const next = (await http().get(`/scheduler/jobs/${id}/next-runs?count=3`).expect(200)).body;
    expect(next).toEqual({ job_id: id, ...preview });
    expect((await http().get(`/scheduler/jobs/${id}`).expect(200)).body.next_run).toBe(preview.next_runs[0]);
    expect(preview.next_runs[0]).toMatch(/:(00|15|30|45):00\.000\+09:00$/);
  });

  it('leaves closed hours out of a market_hours_only preview', async () => {
    const res = await http().post('/scheduler/schedule-preview').send({ cron: '0 * * * *', market_hours_only: true, count: 20 }).expect(200);
    expect(res.body.next_runs).toHaveLength(20);
    for (const time of res.body.next_runs) {
      const local = new Date(Date.parse(time) + Number(time.slice(-6, -3)) * 3600_000);
      expect(local.getUTCHours()).toBeGreaterThanOrEqual(10);
      expect(local.getUTCHours()).toBeLessThanOrEqual(15);
      expect([1, 2, 3, 4, 5]).toContain(local.getUTCDay());
    }
  });

  it.each([
    [{ schedule_time: '17:00', cron: '0 17 * * *' }, 'only one of schedule_time, cron or interval_seconds'],
    [{ cron: '0 25 * * *' }, 'cron'],
    [{ timezone: 'Nowhere/City' }, 'timezone'],
    [{ count: 101 }, 'count must not be greater than 100'],
    [{ name: 'x' }, 'property name should not exist'],
  ])('rejects %j with a 400', async (body, fragment) => {
    const res = await http().post('/scheduler/schedule-preview').send(body).expect(400);
    expect([res.body.message].flat().join('; ')).toContain(fragment);
  });
});

import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CRON_NAME_PREFIX } from '../src/scheduler/cron-registry.js';
import { useE2eApp } from './support/e2e-context.js';
import { createTestApp } from './support/test-app.js';

const IN_NYSE_HOURS = 'no fire time of this schedule falls inside NYSE regular hours';
const NEVER = 'has no fire time in the next 8 years';
const job = (fields: Record<string, unknown>) => ({ name: 'impossible', stock_ids: ['AAPL'], ...fields });
const messageOf = (res: { body: { message: unknown } }) => [res.body.message].flat().join('; ');

/** Issue 10 items 2 and 4, issue 11 item 9: schedules that never fire are refused with a 400, and fast. */
describe('schedules that can never fire (redis store)', () => {
  const context = useE2eApp('redis');
  const { http } = context;

  it('answers the requests that froze the event loop with a 400, while /health keeps answering', async () => {
    const slow = [
      http().post('/scheduler/schedule-preview').send({ cron: '0 * 0-8 * * *', timezone: 'UTC', market_hours_only: true, count: 1 }),
      http().post('/scheduler/jobs').send(job({ cron: '0 */5 0-8 * * *', timezone: 'UTC', market_hours_only: true })),
      http().post('/scheduler/schedule-preview').send({ cron: '30 16 * * 1-5', timezone: 'America/New_York', market_hours_only: true, count: 100 }),
    ];
    const [health, ...answers] = await Promise.all([http().get('/health'), ...slow]);
    expect(health.status).toBe(200);
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(messageOf(res)).toContain(`market_hours_only: ${IN_NYSE_HOURS}`);
    }
    expect((await http().get('/scheduler/jobs').expect(200)).body).toEqual([]);
  });

  it.each(['0 0 30 2 *', '0 0 0 31 4 *'])('refuses %s on create (active or not) and in a preview, storing nothing', async (cron) => {
    for (const body of [job({ cron }), job({ cron, is_active: false }), job({ cron, market_hours_only: true })]) {
      const res = await http().post('/scheduler/jobs').send(body).expect(400);
      expect(messageOf(res)).toContain(`cron "${cron}" ${NEVER}`);
    }
    expect(messageOf(await http().post('/scheduler/schedule-preview').send({ cron }).expect(400))).toContain(NEVER);
    expect((await http().get('/scheduler/jobs').expect(200)).body).toEqual([]);
  });

  it('refuses a market-hours job whose every fire is after the close, and keeps it without market hours', async () => {
    const res = await http().post('/scheduler/jobs').send(job({ cron: '30 16 * * 1-5', market_hours_only: true })).expect(400);
    expect(messageOf(res)).toContain(IN_NYSE_HOURS);
    const id = (await http().post('/scheduler/jobs').send(job({ cron: '30 16 * * 1-5' })).expect(201)).body.job_id;
    const put = await http().put(`/scheduler/jobs/${id}`).send({ market_hours_only: true }).expect(400);
    expect(messageOf(put)).toContain(IN_NYSE_HOURS);
    expect((await http().get(`/scheduler/jobs/${id}`).expect(200)).body).toMatchObject({ market_hours_only: false, next_run: expect.any(String) });
    await http().delete(`/scheduler/jobs/${id}`).expect(200);
  });

  it('boots past a never-firing job stored by an older version, and refuses to start it with a 400', async () => {
    const { t } = context;
    const good = (await http().post('/scheduler/jobs').send(job({ name: 'good', cron: '0 0 * * *' })).expect(201)).body;
    const stored = { active: randomUUID(), paused: randomUUID() };
    for (const [state, id] of Object.entries(stored)) {
      const bad = { ...good, job_id: id, cron: '0 0 30 2 *', is_active: state === 'active', status: state === 'active' ? 'pending' : 'paused', next_run: null };
      await t.redis!.set(`${t.keyPrefix}scheduler:job:${id}`, JSON.stringify(bad));
      await t.redis!.sadd(`${t.keyPrefix}scheduler:jobs`, id);
    }

    // A reboot: the replica before it stops, so the one after owns every job.
    await t.stop();
    const rebooted = await createTestApp({ store: 'redis', yahooUrl: context.yahoo.url, keyPrefix: t.keyPrefix });
    try {
      const registered = (id: string) => rebooted.app.get(SchedulerRegistry).doesExist('cron', `${CRON_NAME_PREFIX}${id}`);
      expect([registered(good.job_id), registered(stored.active)]).toEqual([true, true]);
      const http2 = () => request(rebooted.app.getHttpServer());
      for (const res of [
        await http2().post(`/scheduler/jobs/${stored.paused}/start`).expect(400),
        await http2().put(`/scheduler/jobs/${stored.paused}`).send({ is_active: true }).expect(400),
      ]) {
        expect(messageOf(res)).toContain(`cron "0 0 30 2 *" ${NEVER}`);
      }
      expect((await http2().get(`/scheduler/jobs/${stored.paused}`).expect(200)).body).toMatchObject({ is_active: false, status: 'paused' });
      expect((await http2().get(`/scheduler/jobs/${stored.active}/next-runs`).expect(200)).body.next_runs).toEqual([]);
    } finally {
      await rebooted.close({ flush: false });
    }
  });
});

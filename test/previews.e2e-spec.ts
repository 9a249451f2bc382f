import { useE2eApp } from './support/e2e-context.js';

/** Fire times from any instant: a DST change or a holiday months away is checked before it comes. */
describe('previews from an instant (memory store)', () => {
  const { http } = useE2eApp('memory');

  it('lists a job\'s fire times across next spring\'s DST change', async () => {
    const daily = { name: 'daily', stock_ids: ['AAPL'], schedule_time: '17:00', timezone: 'America/New_York' };
    const id = (await http().post('/scheduler/jobs').send(daily).expect(201)).body.job_id;
    const res = await http().get(`/scheduler/jobs/${id}/next-runs?count=3&from=2027-03-13T00:00:00-05:00`).expect(200);
    expect(res.body.next_runs).toEqual(['2027-03-13T17:00:00.000-05:00', '2027-03-14T17:00:00.000-04:00', '2027-03-15T17:00:00.000-04:00']);
    // A past instant works too.
    const past = await http().get(`/scheduler/jobs/${id}/next-runs?count=1&from=2020-01-01T12:00:00Z`).expect(200);
    expect(past.body.next_runs).toEqual(['2020-01-01T17:00:00.000-05:00']);
  });

  it('previews a market-hours schedule around a holiday far ahead', async () => {
    const res = await http()
      .post('/scheduler/schedule-preview')
      .send({ cron: '0 10 * * 1-5', timezone: 'America/New_York', market_hours_only: true, count: 2, from: '2027-07-02T12:00:00-04:00' })
      .expect(200);
    // Monday 5 July 2027 is the observed Independence Day.
    expect(res.body.next_runs).toEqual(['2027-07-06T10:00:00.000-04:00', '2027-07-07T10:00:00.000-04:00']);
  });

  it('answers 400 naming `from` for what is not an instant', async () => {
    const id = (await http().post('/scheduler/jobs').send({ name: 'x', stock_ids: ['AAPL'] }).expect(201)).body.job_id;
    for (const from of ['2027-03-13', '2027-03-13T00:00:00', 'tomorrow', '2027-02-30T00:00:00Z']) {
      const res = await http().get(`/scheduler/jobs/${id}/next-runs`).query({ from }).expect(400);
      expect(res.body.message.join(' ')).toMatch(/^from must be/);
    }
    await http().post('/scheduler/schedule-preview').send({ schedule_time: '09:00', from: 'soon' }).expect(400);
  });
});

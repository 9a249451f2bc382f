import { useE2eApp } from './support/e2e-context.js';
import { recordedRuns, type StoreKind } from './support/test-app.js';

/** Seed 002's "Test API Endpoints" and "Sample Test Scenario", unchanged, on both stores. */
describe.each<StoreKind>(['redis', 'memory'])('seed 002 walkthrough (%s store)', (store) => {
  const ctx = useE2eApp(store);
  const { http } = ctx;

  it('creates, reads, updates, stops, starts, runs and deletes a job', async () => {
    const created = await http()
      .post('/scheduler/jobs')
      .send({ name: 'Daily FAANG Stocks', stock_ids: ['META', 'AAPL', 'AMZN', 'NFLX', 'GOOGL'], schedule_time: '17:00' })
      .expect(201);
    expect(created.body).toEqual({ message: 'Job created successfully', job_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const id: string = created.body.job_id;

    const list = await http().get('/scheduler/jobs').expect(200);
    expect(list.body.map((job: { job_id: string }) => job.job_id)).toEqual([id]);

    const job = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(job).toMatchObject({
      job_id: id,
      name: 'Daily FAANG Stocks',
      stock_ids: ['META', 'AAPL', 'AMZN', 'NFLX', 'GOOGL'],
      schedule_time: '17:00',
      cron: null,
      interval_seconds: null,
      timezone: 'America/New_York',
      is_active: true,
      status: 'pending',
      last_run: null,
      prefix: 'scheduled_stock_data',
      data_interval: '1d',
      lookback_days: 30,
      last_result: null,
    });
    expect(job.next_run).toMatch(/T17:00:00\.000-0[45]:00$/);
    expect(Date.parse(job.next_run)).toBeGreaterThan(Date.now());
    expect(Date.parse(job.next_run) - Date.now()).toBeLessThanOrEqual(25 * 3600 * 1000);

    const status = (await http().get('/scheduler/status').expect(200)).body;
    expect(status).toMatchObject({ is_running: true, active_jobs_count: 1, total_jobs_count: 1, registered_jobs_count: 1, store });

    await http()
      .put(`/scheduler/jobs/${id}`)
      .send({ schedule_time: '18:00', stock_ids: ['AAPL', 'MSFT', 'GOOGL'] })
      .expect(200, { message: 'Job updated successfully' });
    const updated = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(updated).toMatchObject({ schedule_time: '18:00', stock_ids: ['AAPL', 'MSFT', 'GOOGL'], name: 'Daily FAANG Stocks' });
    expect(updated.next_run).toMatch(/T18:00:00\.000-0[45]:00$/);

    await http().post(`/scheduler/jobs/${id}/stop`).expect(200, { message: 'Job stopped successfully' });
    expect((await http().get(`/scheduler/jobs/${id}/status`).expect(200)).body).toMatchObject({
      job_id: id,
      status: 'paused',
      is_active: false,
      next_run: null,
    });
    expect((await http().get('/scheduler/status').expect(200)).body).toMatchObject({ active_jobs_count: 0, registered_jobs_count: 0 });

    await http().post(`/scheduler/jobs/${id}/start`).expect(200, { message: 'Job started successfully' });
    expect((await http().get(`/scheduler/jobs/${id}/status`).expect(200)).body).toMatchObject({ status: 'pending', is_active: true });

    const run = await http().post(`/scheduler/jobs/${id}/run`).expect(202);
    expect(run.body).toEqual({ message: 'Job run started', run_id: expect.any(String) });
    const [record] = await recordedRuns(ctx.t.app.getHttpServer(), id);
    expect(record).toMatchObject({
      run_id: run.body.run_id,
      job_id: id,
      trigger: 'manual',
      status: 'partial_success',
      fetched_stocks: ['AAPL', 'MSFT'],
      failed_stocks: ['GOOGL'],
      errors: [{ symbol: 'GOOGL', kind: 'SymbolNotFoundError', error: expect.stringContaining('No data found'), attempts: 1 }],
    });
    expect(record.points_written).toBe(49 + 252);

    const after = (await http().get(`/scheduler/jobs/${id}`).expect(200)).body;
    expect(after.status).toBe('completed');
    expect(after.last_run).toBe(record.start_time);
    expect(after.last_result).toMatchObject({ run_id: record.run_id, status: 'partial_success', fetched_count: 2, failed_count: 1 });

    const bars = (await http().get('/market-data/AAPL').expect(200)).body;
    expect(bars).toHaveLength(49);

    const dashboard = (await http().get('/scheduler/dashboard').expect(200)).body;
    expect(dashboard.summary).toMatchObject({ total: 1, active: 1, paused: 0, completed_today: 1, failed_today: 0 });

    await http().post(`/scheduler/jobs/${id}/stop`).expect(200);
    await http().delete(`/scheduler/jobs/${id}`).expect(200, { message: 'Job deleted successfully' });
    await http().get(`/scheduler/jobs/${id}`).expect(404);
    await http().get(`/scheduler/jobs/${id}/runs`).expect(404);
    await http().delete(`/scheduler/jobs/${id}`).expect(404);
    expect((await http().get('/scheduler/status').expect(200)).body).toMatchObject({ total_jobs_count: 0, registered_jobs_count: 0 });
  });
});

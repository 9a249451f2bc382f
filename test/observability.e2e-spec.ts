import { useE2eApp } from './support/e2e-context.js';
import { metricSample as sample } from './support/metric-sample.js';
import { recordedRuns } from './support/test-app.js';

describe('metrics and health (redis store)', () => {
  const ctx = useE2eApp('redis');
  const { http } = ctx;

  it('counts runs, symbols, points and provider requests in /metrics, and health tells the fetch age', async () => {
    const before = await http().get('/health').expect(200);
    expect(before.body.last_successful_fetch_age_seconds).toBeNull();

    const id = (await http().post('/scheduler/jobs').send({ name: 'metered', stock_ids: ['AAPL', 'NOPE'] }).expect(201)).body.job_id;
    await http().post(`/scheduler/jobs/${id}/run`).expect(202);
    await recordedRuns(ctx.t.app.getHttpServer(), id);

    const page = (await http().get('/metrics').expect(200).expect('content-type', /text\/plain/)).text;
    expect(sample(page, 'scheduler_runs_total{status="partial_success",trigger="manual"}')).toBe(1);
    expect(sample(page, 'scheduler_symbols_total{outcome="fetched"}')).toBe(1);
    expect(sample(page, 'scheduler_symbols_total{outcome="failed"}')).toBe(1);
    expect(sample(page, 'scheduler_points_written_total')).toBe(49);
    expect(sample(page, 'scheduler_provider_requests_total{provider="yahoo",outcome="ok"}')).toBe(1);
    expect(sample(page, 'scheduler_provider_requests_total{provider="yahoo",outcome="SymbolNotFoundError"}')).toBe(1);
    expect(sample(page, 'scheduler_active_jobs')).toBe(1);
    expect(sample(page, 'scheduler_run_duration_seconds_count')).toBe(1);
    expect(page).toContain('scheduler_process_cpu_user_seconds_total');

    const after = await http().get('/health').expect(200);
    expect(after.body).toMatchObject({ status: 'healthy', last_successful_fetch_age_seconds: expect.any(Number) });
  });
});

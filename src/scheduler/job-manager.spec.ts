import { jest } from '@jest/globals';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import { JOB_STORE, type JobStore } from '../storage/job-store.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import { JobManager } from './job-manager.js';
import { JobRegistry } from './job-registry.js';
import { lastResultOf, newRunRecord } from './run-record.js';
import { useSchedulerApp } from '../../test/support/scheduler-app.js';

const provider: MarketDataProvider = { fetchChart: async () => ({ bars: [], actions: [] }) };

describe('JobManager.update', () => {

  const schedulerApp = useSchedulerApp(provider);

  it('writes only the fields sent, not the run state it read before a run ended', async () => {
    const manager = schedulerApp().get(JobManager);
    const registry = schedulerApp().get(JobRegistry);
    const store = schedulerApp().get<JobStore>(JOB_STORE);
    const job = await manager.create({ name: 'raced', stock_ids: ['AAPL'], cron: '0 0 1 1 *' } as CreateJobDto, 'spec');
    const run = newRunRecord(job, 'run-1', 'manual', null, job.created_at);
    await registry.startRun({ ...run, status: 'running' }, { status: 'running', last_run: run.start_time });

    // The update reads the job running; the run ends before the update writes.
    const read = store.get.bind(store);
    jest.spyOn(store, 'get').mockImplementationOnce(async (jobId) => {
      const stale = await read(jobId);
      await registry.recordRun(run, { status: 'completed', last_result: lastResultOf(run) });
      return stale;
    });
    const updated = await manager.update(job.job_id, { name: 'renamed' }, 'spec');

    expect(updated).toMatchObject({ name: 'renamed', status: 'completed', last_result: { run_id: 'run-1' }, is_active: true });
    expect(await registry.get(job.job_id)).toEqual(updated);
  });

  it('leaves is_active alone unless it is sent, so a rename never undoes a stop', async () => {
    const manager = schedulerApp().get(JobManager);
    const store = schedulerApp().get<JobStore>(JOB_STORE);
    const job = await manager.create({ name: 'stopped meanwhile', stock_ids: ['AAPL'] } as CreateJobDto, 'spec');
    const read = store.get.bind(store);
    jest.spyOn(store, 'get').mockImplementationOnce(async (jobId) => {
      const stale = await read(jobId);
      await manager.setActive(jobId, false, 'spec');
      return stale;
    });
    const updated = await manager.update(job.job_id, { name: 'renamed' }, 'spec');
    expect(updated).toMatchObject({ name: 'renamed', is_active: false, status: 'paused', next_run: null });
  });
});

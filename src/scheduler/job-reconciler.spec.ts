import { jest } from '@jest/globals';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import { JobManager } from './job-manager.js';
import { JobReconciler } from './job-reconciler.js';
import { JobRegistry } from './job-registry.js';
import { JobScheduler } from './job-scheduler.js';
import { useSchedulerApp } from '../../test/support/scheduler-app.js';

const provider: MarketDataProvider = { fetchChart: async () => ({ bars: [], actions: [] }) };
const eventuallyRuns = async (registry: JobRegistry, jobId: string) => {
  for (let i = 0; i < 100; i++) {
    const runs = await registry.runs(jobId, 10);
    if (runs.length > 0) return runs;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
};
const yearly = (name: string) => ({ name, stock_ids: ['AAPL'], cron: '0 0 1 1 *' }) as CreateJobDto;

describe('JobReconciler pass', () => {

  const schedulerApp = useSchedulerApp(provider);

  const reconcile = () => (schedulerApp().get(JobReconciler) as unknown as { reconcile(boot: boolean): Promise<void> }).reconcile(false);

  it('keeps the CronJob of a job created while it runs, and removes those of jobs gone before its listing', async () => {
    const manager = schedulerApp().get(JobManager);
    const registry = schedulerApp().get(JobRegistry);
    const scheduler = schedulerApp().get(JobScheduler);
    // More jobs than one turn of the event loop takes, so that the pass yields in between.
    for (let i = 0; i < 1200; i++) await manager.create(yearly(`job ${i}`), 'spec');
    const gone = await manager.create(yearly('deleted behind its back'), 'spec');
    await registry.delete(gone.job_id);
    expect(scheduler.registeredIds()).toContain(gone.job_id);

    const list = registry.list.bind(registry);
    let created: string | null = null;
    jest.spyOn(registry, 'list').mockImplementationOnce(async () => {
      const jobs = await list();
      // Created after the listing: the pass never sees it in the store.
      setImmediate(() => void manager.create(yearly('created meanwhile'), 'spec').then((job) => (created = job.job_id)));
      return jobs;
    });
    await reconcile();

    expect(created).not.toBeNull();
    expect(scheduler.registeredIds()).toContain(created);
    expect(scheduler.registeredIds()).not.toContain(gone.job_id);
    expect(scheduler.registeredCount).toBe(1201);
  });

  it('at boot catches a missed fire up once, and does not also move it on as a lost fire', async () => {
    const manager = schedulerApp().get(JobManager);
    const registry = schedulerApp().get(JobRegistry);
    const job = await manager.create({ name: 'every minute', stock_ids: ['AAPL'], cron: '* * * * *' } as CreateJobDto, 'spec');
    // Down for a minute: the fire due then was missed, well past a reconcile interval.
    await registry.patch(job.job_id, { next_run: new Date(Date.now() - 60_000).toISOString() });
    const patch = jest.spyOn(registry, 'patch');

    await (schedulerApp().get(JobReconciler) as unknown as { reconcile(boot: boolean): Promise<void> }).reconcile(true);

    expect(patch.mock.calls.filter(([id]) => id === job.job_id)).toEqual([]);
    const runs = await eventuallyRuns(registry, job.job_id);
    expect(runs.map((run) => run.trigger)).toEqual(['catch_up']);
  });
});

import { jest } from '@jest/globals';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import { JobManager } from './job-manager.js';
import { JobReconciler } from './job-reconciler.js';
import { JobRegistry } from './job-registry.js';
import { JobScheduler } from './job-scheduler.js';
import { useSchedulerApp } from '../../test/support/scheduler-app.js';

const provider: MarketDataProvider = { fetchChart: async () => ({ bars: [], actions: [] }) };
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
});

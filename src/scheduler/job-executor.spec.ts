import { jest } from '@jest/globals';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import { COORDINATOR, type Coordinator } from '../storage/coordinator.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import { JobExecutor } from './job-executor.js';
import { JobManager } from './job-manager.js';
import { useSchedulerApp } from '../../test/support/scheduler-app.js';

describe('JobExecutor drain', () => {
  let fetches = 0;
  const provider: MarketDataProvider = {
    fetchChart: async () => {
      fetches++;
      return { bars: [], actions: [] };
    },
  };

  beforeEach(() => {
    fetches = 0;
  });
  const schedulerApp = useSchedulerApp(provider);

  it('turns away a run whose lease arrives after the drain began, and waits for that decision', async () => {
    const job = await schedulerApp().get(JobManager).create({ name: 'late', stock_ids: ['AAPL'], is_active: false } as CreateJobDto, 'spec');
    const coordinator = schedulerApp().get<Coordinator>(COORDINATOR);
    const acquire = coordinator.acquireLease.bind(coordinator);
    let grant!: () => void;
    jest.spyOn(coordinator, 'acquireLease').mockImplementationOnce((...args) => new Promise((resolve) => (grant = () => resolve(acquire(...args)))));
    const executor = schedulerApp().get(JobExecutor);

    const started = executor.start(job, 'manual', null);
    let drained = false;
    const drain = executor.drain(5_000).then(() => (drained = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    grant();

    await expect(started).resolves.toEqual({ ok: false, reason: 'the service is shutting down' });
    await drain;
    expect(fetches).toBe(0);
    expect(executor.runningCount).toBe(0);
    expect(await coordinator.isLeased(job.job_id)).toBe(false);
  });
});

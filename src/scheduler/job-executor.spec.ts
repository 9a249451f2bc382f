import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { MarketDataProvider } from '../market-data/market-data-provider.js';
import { COORDINATOR, type Coordinator } from '../storage/coordinator.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import { JobExecutor } from './job-executor.js';
import { JobManager } from './job-manager.js';
import { SchedulerModule } from './scheduler.module.js';

describe('JobExecutor drain', () => {
  let app: INestApplication;
  let fetches = 0;
  const provider: MarketDataProvider = {
    fetchChart: async () => {
      fetches++;
      return { bars: [], actions: [] };
    },
  };

  beforeEach(async () => {
    fetches = 0;
    const moduleRef = await Test.createTestingModule({ imports: [SchedulerModule.forRoot({ provider, autoStart: false })] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterEach(() => app.close());

  it('turns away a run whose lease arrives after the drain began, and waits for that decision', async () => {
    const job = await app.get(JobManager).create({ name: 'late', stock_ids: ['AAPL'], is_active: false } as CreateJobDto, 'spec');
    const coordinator = app.get<Coordinator>(COORDINATOR);
    const acquire = coordinator.acquireLease.bind(coordinator);
    let grant!: () => void;
    jest.spyOn(coordinator, 'acquireLease').mockImplementationOnce((...args) => new Promise((resolve) => (grant = () => resolve(acquire(...args)))));
    const executor = app.get(JobExecutor);

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

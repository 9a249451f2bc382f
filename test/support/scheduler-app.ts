import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { MarketDataProvider } from '../../src/market-data/market-data-provider.js';
import { SchedulerModule } from '../../src/scheduler/scheduler.module.js';

/** Registers beforeEach/afterEach that open and close SchedulerModule alone on the in-process store, not started (autoStart false); answers the app of the current test. */
export function useSchedulerApp(provider: MarketDataProvider): () => INestApplication {
  let app: INestApplication;
  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [SchedulerModule.forRoot({ provider, autoStart: false })] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterEach(() => app.close());
  return () => app;
}

import request from 'supertest';
import type { RunRecord } from '../../src/scheduler/job.js';
import { startFakeYahoo, type FakeYahoo, type FakeYahooOptions } from './fake-yahoo.js';
import { createTestApp, recordedRun, type StoreKind, type TestApp } from './test-app.js';

export interface E2eContext {
  readonly yahoo: FakeYahoo;
  readonly t: TestApp;
  http(): ReturnType<typeof request>;
  /** Starts a manual run of job `id` and answers its record once recorded (a scheduled fire meanwhile is not mistaken for it). */
  runAndWait(id: string): Promise<RunRecord>;
}

/**
 * Registers beforeAll/afterAll that start a fake Yahoo and the real app on `store` (with `env` on
 * top of the test defaults), and stop both.
 */
export function useE2eApp(store: StoreKind, options: { env?: Record<string, string>; yahoo?: FakeYahooOptions } = {}): E2eContext {
  let yahoo: FakeYahoo | undefined;
  let t: TestApp | undefined;
  // Booting the app takes well under a second alone, but several seconds on a loaded 2-core machine.
  beforeAll(async () => {
    yahoo = await startFakeYahoo(options.yahoo);
    t = await createTestApp({ store, yahooUrl: yahoo.url, env: options.env });
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    await yahoo?.close();
  });
  return {
    get yahoo() {
      return yahoo!;
    },
    get t() {
      return t!;
    },
    http: () => request(t!.app.getHttpServer()),
    async runAndWait(id) {
      const { run_id } = (await this.http().post(`/scheduler/jobs/${id}/run`).expect(202)).body as { run_id: string };
      return recordedRun(t!.app.getHttpServer(), id, run_id, 20_000);
    },
  };
}

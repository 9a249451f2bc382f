import request from 'supertest';
import type { RunRecord } from '../../src/scheduler/job.js';
import { startFakeYahoo, type FakeYahoo } from './fake-yahoo.js';
import { createTestApp, eventually, type StoreKind, type TestApp } from './test-app.js';

export interface E2eContext {
  readonly yahoo: FakeYahoo;
  readonly t: TestApp;
  http(): ReturnType<typeof request>;
  /** Starts a manual run of job `id` and answers its newest run record once there are `expectedRuns`. */
  runAndWait(id: string, expectedRuns: number): Promise<RunRecord>;
}

/** Registers beforeAll/afterAll that start a fake Yahoo and the real app on `store`, and stop both. */
export function useE2eApp(store: StoreKind): E2eContext {
  let yahoo: FakeYahoo | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    yahoo = await startFakeYahoo();
    t = await createTestApp({ store, yahooUrl: yahoo.url });
  });
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
    async runAndWait(id, expectedRuns) {
      await this.http().post(`/scheduler/jobs/${id}/run`).expect(202);
      return eventually(async () => {
        const runs = (await this.http().get(`/scheduler/jobs/${id}/runs`).expect(200)).body;
        return runs.length >= expectedRuns ? runs[0] : undefined;
      }, 20_000, `run ${expectedRuns} of job ${id}`);
    },
  };
}

import { buildService, startService, type ServiceProcess } from './app-process.mjs';
import { startFakeYahoo, type FakeYahoo } from './fake-yahoo.js';

export interface ServiceProcesses {
  readonly yahoo: FakeYahoo;
  /** Every process started so far, in order. */
  readonly services: ServiceProcess[];
  /** Starts a service process with `env` (YAHOO_BASE_URL set to the fake Yahoo); SIGTERMed after the suite. */
  start(env: Record<string, string>): Promise<ServiceProcess>;
}

/** Registers beforeAll/afterAll that build the service and start a fake Yahoo, then stop both and every process started. */
export function useServiceProcesses(): ServiceProcesses {
  let yahoo: FakeYahoo | undefined;
  const services: ServiceProcess[] = [];
  beforeAll(async () => {
    buildService();
    yahoo = await startFakeYahoo();
  }, 120_000);
  afterAll(async () => {
    for (const service of services) await service.kill('SIGTERM');
    await yahoo?.close();
  });
  return {
    get yahoo() {
      return yahoo!;
    },
    services,
    async start(env) {
      const service = await startService({ YAHOO_BASE_URL: yahoo!.url, ...env });
      services.push(service);
      return service;
    },
  };
}

import { describeStoreContract } from '../store-contract.js';
import { MemoryBarStore } from './memory-bar-store.js';
import { MemoryCoordinator } from './memory-coordinator.js';
import { MemoryJobStore } from './memory-job-store.js';

describeStoreContract('memory', async () => {
  let now = Date.now();
  return {
    jobs: new MemoryJobStore(),
    bars: new MemoryBarStore(() => now),
    coordinator: new MemoryCoordinator(() => now),
    passTime: async (ms) => {
      now += ms;
    },
    cleanup: async () => {},
  };
});

import { describeStoreContract } from '../store-contract.js';
import { MemoryAuditLog } from './memory-audit-log.js';
import { MemoryBarStore } from './memory-bar-store.js';
import { MemoryCoordinator } from './memory-coordinator.js';
import { MemoryJobStore } from './memory-job-store.js';
import { MemoryMembershipStore } from './memory-membership-store.js';

describeStoreContract('memory', async () => {
  let now = Date.now();
  const jobs = new MemoryJobStore();
  return {
    jobs,
    bars: new MemoryBarStore(() => now),
    coordinator: new MemoryCoordinator((jobId) => jobs.has(jobId), () => now),
    audit: new MemoryAuditLog(() => now),
    followUps: jobs.followUps,
    membership: new MemoryMembershipStore(() => now),
    passTime: async (ms) => {
      now += ms;
    },
    cleanup: async () => {},
  };
});

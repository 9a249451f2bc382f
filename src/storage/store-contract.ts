/// <reference types="jest" />
// The reference lets this file, which the production build also compiles, see jest's globals.
import type { AuditLog } from './audit-log.js';
import type { BarStore } from './bar-store.js';
import type { Coordinator } from './coordinator.js';
import { describeAuditLogCases } from './contract/audit-log-cases.js';
import { describeCoordinatorCases } from './contract/coordinator-cases.js';
import { describeBarStoreCases } from './contract/bar-store-cases.js';
import { describeFollowUpCases } from './contract/follow-up-cases.js';
import { describeJobStoreCases } from './contract/job-store-cases.js';
import type { FollowUpQueue } from './follow-up-queue.js';
import type { MembershipStore } from './membership-store.js';
import { describeMembershipCases } from './contract/membership-cases.js';
import type { JobStore } from './job-store.js';

/** One fresh, isolated pair of stores for a single test. */
export interface StoreFixture {
  jobs: JobStore;
  bars: BarStore;
  coordinator: Coordinator;
  audit: AuditLog;
  followUps: FollowUpQueue;
  membership: MembershipStore;
  /** Lets snapshot TTLs run out: a fake clock for the memory adapter, a real wait for Redis. */
  passTime(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every {@link JobStore} and {@link BarStore} adapter must share. Each test gets its
 * own stores from `makeStores` and releases them afterwards.
 */
export function describeStoreContract(name: string, makeStores: () => Promise<StoreFixture>): void {
  describe(`${name} store contract`, () => {
    let fixture: StoreFixture | undefined;

    beforeEach(async () => {
      fixture = await makeStores();
    });

    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
    });

    const current = (): StoreFixture => {
      if (!fixture) throw new Error('store fixture used outside a test');
      return fixture;
    };
    describeJobStoreCases(current);
    describeBarStoreCases(current);
    describeCoordinatorCases(current);
    describeAuditLogCases(current);
    describeFollowUpCases(current);
    describeMembershipCases(current);
  });
}

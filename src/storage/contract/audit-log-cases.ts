/// <reference types="jest" />
import type { AuditEntry } from '../audit-log.js';
import type { StoreFixture } from '../store-contract.js';

const entry = (jobId: string, n: number): AuditEntry => ({
  at: `2025-01-02T03:04:0${n}.000Z`,
  job_id: jobId,
  action: n === 1 ? 'create' : 'update',
  actor: 'ip:127.0.0.1',
  changes: { name: { from: `name ${n - 1}`, to: `name ${n}` } },
});

export function describeAuditLogCases(stores: () => StoreFixture): void {
  describe('AuditLog', () => {
    it('lists a job\'s entries newest first, keeping the newest `keep`', async () => {
      const { audit } = stores();
      for (let n = 1; n <= 4; n++) await audit.append(entry('job-a', n), 3);
      expect(await audit.list('job-a', 10)).toEqual([entry('job-a', 4), entry('job-a', 3), entry('job-a', 2)]);
      expect(await audit.list('job-a', 1)).toEqual([entry('job-a', 4)]);
      expect(await audit.list('job-a', 0)).toEqual([]);
      expect(await audit.list('job-b', 10)).toEqual([]);
    });

    it('removes the whole trail once the expiry given with an entry has passed', async () => {
      const { audit, passTime } = stores();
      await audit.append(entry('job-a', 1), 10);
      await audit.append(entry('job-b', 1), 10);
      await audit.append(entry('job-a', 2), 10, 200);
      expect(await audit.list('job-a', 10)).toHaveLength(2);
      await passTime(300);
      expect(await audit.list('job-a', 10)).toEqual([]);
      expect(await audit.list('job-b', 10)).toEqual([entry('job-b', 1)]);
    });
  });
}

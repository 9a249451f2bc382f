/// <reference types="jest" />
import fc from 'fast-check';
import { InvalidStoreInputError } from '../store-errors.js';
import type { StoreFixture } from '../store-contract.js';
import { makeJob, makeRun } from './fixtures.js';

const LONE_SURROGATE = 'bad\ud800name';
/** Any well-formed text: astral characters, controls, quotes, backslashes, U+2028, what JSON escapes and what it does not. */
const anyText = fc.string({ unit: 'binary', maxLength: 40 }).filter((text) => !/\p{Cs}/u.test(text));

export function describeJobTextCases(stores: () => StoreFixture): void {
  describe('JobStore text', () => {
    it('round-trips a job, a patch and a run record holding any well-formed string', async () => {
      const { jobs } = stores();
      await fc.assert(
        fc.asyncProperty(anyText, anyText, async (name, reason) => {
          const job = makeJob({ name });
          await jobs.create(job);
          expect(await jobs.get(job.job_id)).toEqual(job);
          expect(await jobs.patch(job.job_id, { name: `${name}${reason}` })).toEqual({ ...job, name: `${name}${reason}` });
          const run = { ...makeRun(job.job_id, 1), job_name: name, reason };
          await jobs.recordRun(run, 5, { status: 'completed' });
          expect(await jobs.listRuns(job.job_id, 5)).toEqual([run]);
          expect(await jobs.get(job.job_id)).toEqual({ ...job, name: `${name}${reason}`, status: 'completed' });
        }),
        { numRuns: 40 },
      );
    });

    it('refuses a string that is not well-formed Unicode with a typed error, writing nothing', async () => {
      const { jobs } = stores();
      const bad = makeJob({ name: LONE_SURROGATE });
      await expect(jobs.create(bad)).rejects.toThrow(InvalidStoreInputError);
      expect(await jobs.get(bad.job_id)).toBeNull();
      expect(await jobs.list()).toEqual([]);

      const job = makeJob();
      await jobs.create(job);
      await expect(jobs.patch(job.job_id, { stock_ids: ['AAPL', LONE_SURROGATE] })).rejects.toThrow(/stock_ids\.1/);
      await expect(jobs.recordRun({ ...makeRun(job.job_id, 1), reason: LONE_SURROGATE }, 5, {})).rejects.toThrow(InvalidStoreInputError);
      await expect(jobs.recordRun(makeRun(job.job_id, 1), 5, { name: LONE_SURROGATE })).rejects.toThrow(InvalidStoreInputError);
      expect(await jobs.get(job.job_id)).toEqual(job);
      expect(await jobs.listRuns(job.job_id, 5)).toEqual([]);
    });
  });
}

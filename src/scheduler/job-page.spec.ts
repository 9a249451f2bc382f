import { BadRequestException } from '@nestjs/common';
import { makeJob } from '../storage/contract/fixtures.js';
import type { ScheduledJob } from './job.js';
import { isPageQuery, pageOfJobs } from './job-page.js';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
const jobs: ScheduledJob[] = [
  { ...makeJob(), job_id: 'c', name: 'Daily close', created_at: at(2), stock_ids: ['AAPL', 'MSFT'], status: 'completed' },
  { ...makeJob(), job_id: 'a', name: 'Quotes', dataset: 'stock_quotes', created_at: at(1), stock_ids: ['BRK-B'], status: 'failed' },
  { ...makeJob(), job_id: 'b', name: 'Tech news', dataset: 'news_data', created_at: at(1), stock_ids: ['MSFT'], status: 'completed' },
  { ...makeJob(), job_id: 'd', name: 'Weekly CLOSE', created_at: at(3), stock_ids: ['GOOG'], status: 'pending' },
];
const ids = (query: Parameters<typeof pageOfJobs>[1]) => pageOfJobs(jobs, query).items.map((job) => job.job_id);

describe('pageOfJobs', () => {
  it('asks for a page only when a page parameter is given', () => {
    expect(isPageQuery({})).toBe(false);
    expect(isPageQuery({ q: '' })).toBe(true);
    expect(isPageQuery({ limit: 10 })).toBe(true);
  });

  it('finds jobs by part of the name or the start of a symbol, case-insensitively, in creation order', () => {
    expect(ids({ q: 'close' })).toEqual(['c', 'd']);
    expect(ids({ q: 'msft' })).toEqual(['b', 'c']);
    expect(ids({ q: 'brk' })).toEqual(['a']);
    expect(ids({ q: 'SFT' })).toEqual([]);
    expect(ids({ q: '' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by status and dataset, together with the search', () => {
    expect(ids({ status: 'completed' })).toEqual(['b', 'c']);
    expect(ids({ dataset: 'historical_prices' })).toEqual(['c', 'd']);
    expect(ids({ status: 'completed', q: 'msft', dataset: 'news_data' })).toEqual(['b']);
  });

  it('pages with a cursor that gives every match once, and none after the last page', () => {
    const first = pageOfJobs(jobs, { limit: 3 });
    expect(first.items.map((job) => job.job_id)).toEqual(['a', 'b', 'c']);
    const second = pageOfJobs(jobs, { limit: 3, cursor: first.next_cursor! });
    expect(second).toEqual({ items: [jobs[3]], next_cursor: null });
    expect(pageOfJobs(jobs, { limit: 4 }).next_cursor).toBeNull();
    // The job the cursor points after may be gone: the page starts after where it was.
    const withoutC = jobs.filter((job) => job.job_id !== 'c');
    expect(pageOfJobs(withoutC, { limit: 1, cursor: pageOfJobs(jobs, { limit: 3 }).next_cursor! }).items.map((job) => job.job_id)).toEqual(['d']);
  });

  it('sorts by name or next run (stopped jobs last), and pages in that order', () => {
    const timed = jobs.map((job, i) => ({ ...job, next_run: job.job_id === 'b' ? null : `2026-01-0${5 - i}T09:00:00.000-05:00` }));
    expect(ids({ sort: 'name' })).toEqual(['c', 'a', 'b', 'd']);
    expect(pageOfJobs(timed, { sort: 'next_run' }).items.map((job) => job.job_id)).toEqual(['d', 'a', 'c', 'b']);
    const first = pageOfJobs(jobs, { sort: 'name', limit: 2 });
    expect(pageOfJobs(jobs, { sort: 'name', limit: 2, cursor: first.next_cursor! }).items.map((job) => job.job_id)).toEqual(['b', 'd']);
    // A cursor of one order is no position in another.
    expect(() => pageOfJobs(jobs, { sort: 'created', cursor: first.next_cursor! })).toThrow(BadRequestException);
  });

  it('refuses a cursor it did not give with a 400', () => {
    for (const cursor of ['nope', Buffer.from('[1,2]').toString('base64url'), '']) {
      expect(() => pageOfJobs(jobs, { cursor })).toThrow(BadRequestException);
    }
  });
});

import { BadRequestException } from '@nestjs/common';
import type { Dataset } from '../datasets/dataset.js';
import type { JobStatus, ScheduledJob } from './job.js';

/** What `GET /scheduler/jobs` filters and pages by; any of them asks for a page. */
export interface JobPageQuery {
  /** Case-insensitive: part of the name, or the start of one of the symbols. */
  q?: string;
  status?: JobStatus;
  dataset?: Dataset;
  limit?: number;
  cursor?: string;
  sort?: JobSort;
}

export interface JobPage {
  items: ScheduledJob[];
  /** Gives the next page; null on the last one. */
  next_cursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Whether `query` asks for a page rather than the plain list. */
export function isPageQuery(query: JobPageQuery): boolean {
  return [query.q, query.status, query.dataset, query.limit, query.cursor, query.sort].some((value) => value !== undefined);
}

/** The orders a page can be in; each is ascending, ties broken by job id. */
export const JOB_SORTS = ['created', 'name', 'next_run'] as const;
export type JobSort = (typeof JOB_SORTS)[number];

// Jobs without a next run (stopped) come last when sorted by it.
const NEVER = '~';
const SORT_KEYS: Record<JobSort, (job: ScheduledJob) => string> = {
  created: (job) => job.created_at,
  name: (job) => job.name.toLowerCase(),
  next_run: (job) => (job.next_run ? new Date(job.next_run).toISOString() : NEVER),
};

interface Position {
  key: string;
  job_id: string;
}

const compare = (a: Position, b: Position) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.job_id === b.job_id ? 0 : a.job_id < b.job_id ? -1 : 1);

// A cursor is the sort key of the last job given, so that a job created or deleted between two pages
// neither repeats nor skips another one.
function encodeCursor(sort: JobSort, { key, job_id }: Position): string {
  return Buffer.from(JSON.stringify([sort, key, job_id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: JobSort): Position {
  try {
    const [given, key, job_id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (given === sort && typeof key === 'string' && typeof job_id === 'string') return { key, job_id };
  } catch {
    // Not JSON: refused below like any other cursor this API did not give.
  }
  throw new BadRequestException([`cursor must be a next_cursor this API answered for sort=${sort}`]);
}

function matches(job: ScheduledJob, { q, status, dataset }: JobPageQuery): boolean {
  if (status !== undefined && job.status !== status) return false;
  if (dataset !== undefined && job.dataset !== dataset) return false;
  if (q === undefined || q === '') return true;
  const name = q.toLowerCase();
  const symbol = q.toUpperCase();
  return job.name.toLowerCase().includes(name) || job.stock_ids.some((id) => id.startsWith(symbol));
}

/** The jobs matching `query`, in its sort order (creation by default), from after its cursor, at most `limit` of them. */
export function pageOfJobs(jobs: readonly ScheduledJob[], query: JobPageQuery): JobPage {
  const sort = query.sort ?? 'created';
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, sort);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const positioned = jobs.filter((job) => matches(job, query)).map((job) => ({ job, key: SORT_KEYS[sort](job), job_id: job.job_id }));
  positioned.sort(compare);
  const start = after ? positioned.findIndex((position) => compare(position, after) > 0) : 0;
  const items = start < 0 ? [] : positioned.slice(start, start + limit + 1);
  if (items.length <= limit) return { items: items.map(({ job }) => job), next_cursor: null };
  return { items: items.slice(0, limit).map(({ job }) => job), next_cursor: encodeCursor(sort, items[limit - 1]!) };
}

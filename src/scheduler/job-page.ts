import { BadRequestException } from '@nestjs/common';
import type { Dataset } from '../datasets/dataset.js';
import { byCreation } from '../storage/job-store-rules.js';
import type { JobStatus, ScheduledJob } from './job.js';

/** What `GET /scheduler/jobs` filters and pages by; any of them asks for a page. */
export interface JobPageQuery {
  /** Case-insensitive: part of the name, or the start of one of the symbols. */
  q?: string;
  status?: JobStatus;
  dataset?: Dataset;
  limit?: number;
  cursor?: string;
}

export interface JobPage {
  items: ScheduledJob[];
  /** Gives the next page; null on the last one. */
  next_cursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Whether `query` asks for a page rather than the plain list. */
export function isPageQuery(query: JobPageQuery): boolean {
  return [query.q, query.status, query.dataset, query.limit, query.cursor].some((value) => value !== undefined);
}

// A cursor is the creation key of the last job given, so that a job created or deleted between two
// pages neither repeats nor skips another one.
type CursorKey = Pick<ScheduledJob, 'created_at' | 'job_id'>;

function encodeCursor({ created_at, job_id }: CursorKey): string {
  return Buffer.from(JSON.stringify([created_at, job_id])).toString('base64url');
}

function decodeCursor(cursor: string): CursorKey {
  try {
    const [created_at, job_id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof created_at === 'string' && typeof job_id === 'string') return { created_at, job_id };
  } catch {
    // Not JSON: refused below like any other cursor this API did not give.
  }
  throw new BadRequestException(['cursor must be a next_cursor this API answered']);
}

function matches(job: ScheduledJob, { q, status, dataset }: JobPageQuery): boolean {
  if (status !== undefined && job.status !== status) return false;
  if (dataset !== undefined && job.dataset !== dataset) return false;
  if (q === undefined || q === '') return true;
  const name = q.toLowerCase();
  const symbol = q.toUpperCase();
  return job.name.toLowerCase().includes(name) || job.stock_ids.some((id) => id.startsWith(symbol));
}

/** The jobs matching `query`, in creation order, from after its cursor, at most `limit` of them. */
export function pageOfJobs(jobs: readonly ScheduledJob[], query: JobPageQuery): JobPage {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const items: ScheduledJob[] = [];
  for (const job of [...jobs].sort(byCreation)) {
    if ((after && byCreation(job, after) <= 0) || !matches(job, query)) continue;
    if (items.length === limit) return { items, next_cursor: encodeCursor(items.at(-1)!) };
    items.push(job);
  }
  return { items, next_cursor: null };
}

import type { SeriesId } from '../market-data/bar.js';
import type { SnapshotId } from './bar-store.js';

/**
 * Every key the service writes (before KEY_PREFIX, which the Redis client prepends). Inputs are
 * validated upstream (symbols `[A-Z0-9.^=-]`, prefixes `[A-Za-z0-9_-]`), so no user value can form
 * a key outside these patterns.
 */
export const keys = {
  job: (jobId: string) => `scheduler:job:${jobId}`,
  jobIndex: 'scheduler:jobs',
  runs: (jobId: string) => `scheduler:runs:${jobId}`,
  series: ({ prefix, symbol, interval }: SeriesId) => `${prefix}:${symbol.toUpperCase()}:${interval}`,
  snapshot: ({ prefix, symbol, start_date, end_date }: SnapshotId) =>
    `${prefix}:${symbol.toUpperCase()}:${start_date}:${end_date}`,
};

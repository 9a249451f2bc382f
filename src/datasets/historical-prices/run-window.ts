import type { DataInterval, JobSpec } from '../../scheduler/job.js';
import { DATASET_RULES, datasetFieldsOf } from '../dataset-rules.js';

const DAY_MS = 24 * 3600 * 1000;

export interface RunWindow {
  from: Date;
  to: Date;
  /** The window as dates, for the legacy snapshot key. */
  start_date: string;
  end_date: string;
}

/** The fields of a historical_prices job, each set (a job stored by an older version may lack one). */
export interface BarSpec {
  data_interval: DataInterval;
  lookback_days: number;
  start_date: string | null;
  end_date: string | null;
  write_snapshot: boolean;
}

export function barSpecOf(job: JobSpec): BarSpec {
  return datasetFieldsOf(DATASET_RULES.historical_prices, job) as unknown as BarSpec;
}

/** The data window of a run at `now`: start_date … end_date (inclusive), or the last lookback_days. */
export function runWindow(spec: Pick<BarSpec, 'start_date' | 'end_date' | 'lookback_days'>, now: Date): RunWindow {
  const to = spec.end_date ? new Date(Date.parse(spec.end_date) + DAY_MS) : now;
  const from = spec.start_date ? new Date(Date.parse(spec.start_date)) : new Date(now.getTime() - spec.lookback_days * DAY_MS);
  return {
    from,
    to,
    start_date: from.toISOString().slice(0, 10),
    end_date: spec.end_date ?? now.toISOString().slice(0, 10),
  };
}

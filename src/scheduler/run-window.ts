import type { JobSpec } from './job.js';

const DAY_MS = 24 * 3600 * 1000;

export interface RunWindow {
  from: Date;
  to: Date;
  /** The window as dates, for the legacy snapshot key. */
  start_date: string;
  end_date: string;
}

/** The data window of a run at `now`: start_date … end_date (inclusive), or the last lookback_days. */
export function runWindow(spec: Pick<JobSpec, 'start_date' | 'end_date' | 'lookback_days'>, now: Date): RunWindow {
  const to = spec.end_date ? new Date(Date.parse(spec.end_date) + DAY_MS) : now;
  const from = spec.start_date ? new Date(Date.parse(spec.start_date)) : new Date(now.getTime() - spec.lookback_days * DAY_MS);
  return {
    from,
    to,
    start_date: from.toISOString().slice(0, 10),
    end_date: spec.end_date ?? now.toISOString().slice(0, 10),
  };
}

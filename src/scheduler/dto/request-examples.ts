import type { CreateJobDto } from './create-job.dto.js';
import type { SchedulePreviewDto } from './schedule-preview.dto.js';
import type { UpdateJobDto } from './update-job.dto.js';

/**
 * The explorer's request bodies, one per kind of schedule: the fields' own examples together would
 * name three schedules at once, which the API refuses. Each is accepted as it is (test/openapi).
 */
type Examples<Body> = Record<string, { summary: string; value: Body }>;

export const CREATE_JOB_EXAMPLES: Examples<CreateJobDto> = {
  daily: {
    summary: 'Every day at 17:00, New York time',
    value: { name: 'Daily Tech Stocks', stock_ids: ['AAPL', 'MSFT', 'GOOGL', 'AMZN'], schedule_time: '17:00', timezone: 'America/New_York' },
  },
  cron: {
    summary: 'Hourly bars at half past each hour of the NYSE session',
    value: { name: 'Session hours', stock_ids: ['AAPL', 'MSFT'], cron: '30 9-15 * * 1-5', timezone: 'America/New_York', market_hours_only: true, data_interval: '1h', lookback_days: 5 },
  },
  interval: {
    summary: 'Every 15 minutes, around the clock',
    value: { name: 'Crypto', stock_ids: ['BTC-USD', 'ETH-USD'], interval_seconds: 900, data_interval: '15m', lookback_days: 2 },
  },
  window: {
    summary: 'A fixed window of data: January 2025, refreshed daily',
    value: { name: 'January 2025', stock_ids: ['AAPL'], schedule_time: '06:00', start_date: '2025-01-02', end_date: '2025-01-31' },
  },
};

export const UPDATE_JOB_EXAMPLES: Examples<UpdateJobDto> = {
  daily: { summary: 'Fire daily at 18:00 and fetch other symbols', value: { schedule_time: '18:00', stock_ids: ['AAPL', 'MSFT', 'GOOGL'] } },
  cron: { summary: 'Switch to a cron schedule: weekdays at 18:00', value: { cron: '0 18 * * 1-5' } },
  interval: { summary: 'Switch to every hour', value: { interval_seconds: 3600 } },
  pause: { summary: 'Stop scheduling it', value: { is_active: false } },
};

export const SCHEDULE_PREVIEW_EXAMPLES: Examples<SchedulePreviewDto> = {
  daily: { summary: 'Daily at 17:00, New York time', value: { schedule_time: '17:00', timezone: 'America/New_York', count: 5 } },
  cron: { summary: 'Half past each hour of the NYSE session', value: { cron: '30 9-15 * * 1-5', timezone: 'America/New_York', market_hours_only: true, count: 10 } },
  interval: { summary: 'Every 15 minutes', value: { interval_seconds: 900, count: 5 } },
  from: { summary: 'From a chosen instant: across the 2027 spring DST change in New York', value: { schedule_time: '02:30', timezone: 'America/New_York', from: '2027-03-13T00:00:00-05:00', count: 3 } },
};

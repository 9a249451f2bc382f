import { BadRequestException } from '@nestjs/common';
import type { CreateJobDto } from './dto/create-job.dto.js';
import type { UpdateJobDto } from './dto/update-job.dto.js';
import { changesFromUpdate, specFromCreate } from './job-spec.js';

const create = (fields: Partial<CreateJobDto> = {}) => specFromCreate({ name: 'n', stock_ids: ['AAPL'], ...fields } as CreateJobDto, 'UTC');
const messages = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { message: string[] }).message;
  }
  throw new Error('expected a BadRequestException');
};

describe('specFromCreate', () => {
  it('applies the documented defaults', () => {
    expect(create()).toEqual({
      name: 'n',
      dataset: 'historical_prices',
      stock_ids: ['AAPL'],
      schedule_time: '17:00',
      cron: null,
      interval_seconds: null,
      timezone: 'UTC',
      start_date: null,
      end_date: null,
      prefix: 'scheduled_stock_data',
      data_interval: '1d',
      lookback_days: 30,
      market_hours_only: false,
      write_snapshot: false,
      misfire_grace_seconds: 86_400,
      priority: 5,
    });
  });

  it('does not add the 17:00 default when another schedule is given', () => {
    expect(create({ cron: '0 9 * * *' })).toMatchObject({ schedule_time: null, cron: '0 9 * * *' });
    expect(create({ interval_seconds: 60 })).toMatchObject({ schedule_time: null, interval_seconds: 60 });
  });

  it('rejects two schedules, a reversed window, a future start and the reserved prefix', () => {
    expect(messages(() => create({ schedule_time: '10:00', interval_seconds: 60 }))).toEqual([
      'only one of schedule_time, cron or interval_seconds may be set, got schedule_time, interval_seconds',
    ]);
    expect(messages(() => create({ start_date: '2025-02-01', end_date: '2025-01-01' }))[0]).toContain('must not be after end_date');
    expect(messages(() => create({ start_date: '2999-01-01' }))[0]).toContain('must not be in the future');
    expect(messages(() => create({ prefix: 'scheduler' }))[0]).toContain('reserved');
  });
});

describe('specFromCreate per dataset', () => {
  it("gives each dataset seed 003's default schedule and its own fields, none of the bars' fields", () => {
    expect(create({ dataset: 'stock_quotes' })).toEqual({
      name: 'n',
      dataset: 'stock_quotes',
      stock_ids: ['AAPL'],
      schedule_time: null,
      cron: null,
      interval_seconds: 60,
      timezone: 'UTC',
      market_hours_only: true,
      prefix: 'scheduled_stock_data',
      retention_days: 30,
      misfire_grace_seconds: 86_400,
      priority: 5,
    });
    expect(create({ dataset: 'options_chain' })).toMatchObject({ interval_seconds: 300, market_hours_only: true, expirations: 2, retention_days: 7 });
    expect(create({ dataset: 'company_info' })).toMatchObject({ interval_seconds: 7 * 86_400, market_hours_only: false });
    expect(create({ dataset: 'earnings_data' })).toMatchObject({ interval_seconds: 6 * 3600 });
    expect(create({ dataset: 'news_data' })).toMatchObject({ interval_seconds: 1800, news_count: 10, retention_days: 365 });
    expect(Object.keys(create({ dataset: 'news_data' }))).not.toContain('data_interval');
  });

  it('keeps a schedule that is sent, without the market-hours default of the dataset', () => {
    expect(create({ dataset: 'stock_quotes', cron: '*/5 * * * *' })).toMatchObject({ cron: '*/5 * * * *', interval_seconds: null, market_hours_only: false });
    expect(create({ dataset: 'stock_quotes', market_hours_only: false })).toMatchObject({ interval_seconds: 60, market_hours_only: false });
  });

  it("refuses a field of another dataset, naming the datasets that take it", () => {
    expect(messages(() => create({ dataset: 'stock_quotes', data_interval: '1m', news_count: 5 }))).toEqual([
      'data_interval applies only to historical_prices jobs, not stock_quotes',
      'news_count applies only to news_data jobs, not stock_quotes',
    ]);
    expect(messages(() => create({ retention_days: 10 }))).toEqual(['retention_days applies only to stock_quotes and options_chain and news_data and economic_events jobs, not historical_prices']);
  });

  it('gives an economic_events job no stock_ids, every country and a fetch every 12 hours; refuses stock_ids and takes countries', () => {
    expect(create({ dataset: 'economic_events', stock_ids: undefined })).toMatchObject({ stock_ids: [], countries: null, interval_seconds: 12 * 3600, retention_days: 365 });
    expect(create({ dataset: 'economic_events', stock_ids: undefined, countries: ['US'] })).toMatchObject({ countries: ['US'] });
    expect(messages(() => create({ dataset: 'economic_events' }))).toEqual(['stock_ids does not apply to economic_events jobs: they take countries']);
    expect(messages(() => create({ countries: ['US'] }))).toEqual(['countries applies only to economic_events jobs, not historical_prices']);
    const calendar = create({ dataset: 'economic_events', stock_ids: undefined });
    expect(messages(() => changesFromUpdate(calendar, { stock_ids: ['AAPL'] } as UpdateJobDto))).toEqual(['stock_ids does not apply to economic_events jobs: they take countries']);
  });

  it('never changes the dataset of a job, nor takes another dataset\'s field in an update', () => {
    const quotes = create({ dataset: 'stock_quotes' });
    expect(messages(() => changesFromUpdate(quotes, { dataset: 'news_data' } as UpdateJobDto))[0]).toBe(
      'dataset cannot be changed (this job is stock_quotes): create a new job for news_data',
    );
    expect(messages(() => changesFromUpdate(quotes, { lookback_days: 5 } as UpdateJobDto))).toEqual(['lookback_days applies only to historical_prices jobs, not stock_quotes']);
    expect(changesFromUpdate(quotes, { dataset: 'stock_quotes', retention_days: 3 } as UpdateJobDto)).toEqual({ retention_days: 3 });
  });
});

describe('changesFromUpdate', () => {
  const current = create({ schedule_time: '17:00', start_date: '2025-01-01' });
  const update = (dto: Partial<UpdateJobDto>) => changesFromUpdate(current, dto as UpdateJobDto);

  it('sets only the fields sent', () => {
    expect(update({ name: 'renamed' })).toEqual({ name: 'renamed' });
    expect(update({ name: undefined, is_active: false })).toEqual({});
  });

  it('switches the schedule when another kind is sent', () => {
    expect(update({ cron: '0 9 * * 1-5' })).toEqual({ schedule_time: null, cron: '0 9 * * 1-5', interval_seconds: null });
    expect(update({ interval_seconds: 300 })).toEqual({ schedule_time: null, cron: null, interval_seconds: 300 });
  });

  it('clears nullable fields with null and refuses null elsewhere', () => {
    expect(update({ start_date: null })).toMatchObject({ start_date: null });
    expect(messages(() => update({ name: null as unknown as string, prefix: null as unknown as string }))).toEqual([
      'name must not be null',
      'prefix must not be null',
    ]);
    expect(messages(() => update({ schedule_time: null }))[0]).toContain('one of schedule_time, cron or interval_seconds is required');
  });

  it('checks the merged result, e.g. an end before the stored start', () => {
    expect(messages(() => update({ end_date: '2024-12-31' }))[0]).toContain('start_date (2025-01-01) must not be after end_date (2024-12-31)');
  });
});

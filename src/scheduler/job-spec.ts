import { BadRequestException } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Dataset } from '../datasets/dataset.js';
import { parseProviderChain, type ProviderName } from '../market-data/chain/provider-names.js';
import { DATASET_FIELDS, DATASET_RULES, datasetFieldsOf, datasetsTaking, type DatasetField, type DatasetRule } from '../datasets/dataset-rules.js';
import type { CreateJobDto } from './dto/create-job.dto.js';
import type { UpdateJobDto } from './dto/update-job.dto.js';
import { intervalLimitProblems } from '../datasets/historical-prices/data-interval-limits.js';
import { noFireReason } from './fire-times.js';
import { isChainOnly } from './schedule.js';
import { DEFAULT_NOTIFY_ON, DEFAULT_PRIORITY, DEFAULT_RUN_AFTER_ON, type DataInterval, type JobSpec } from './job.js';

const SCHEDULE_FIELDS = ['schedule_time', 'cron', 'interval_seconds'] as const;
const NULLABLE_FIELDS = new Set<string>([...SCHEDULE_FIELDS, 'start_date', 'end_date', 'providers', 'notify_email', 'run_after', 'retry', 'run_retry']);
/** Market-data keys under this prefix would share the scheduler's own key space. */
const RESERVED_PREFIXES = new Set(['scheduler']);

/** The fields that decide when a job fires. */
export const SCHEDULE_SPEC_FIELDS = [...SCHEDULE_FIELDS, 'timezone', 'market_hours_only'] as const;
export type ScheduleSpec = Pick<JobSpec, (typeof SCHEDULE_SPEC_FIELDS)[number]>;

/** The rule of a dataset (whether a provider serves it is the DatasetRegistry's to say). */
export function datasetRule(dataset: Dataset = 'historical_prices'): DatasetRule {
  return DATASET_RULES[dataset];
}

/**
 * The schedule part of a request, with its defaults: the dataset's default schedule when none is
 * given, none for `schedule: "chain_only"`.
 */
export function scheduleFrom(dto: Partial<ScheduleSpec> & { schedule?: 'chain_only'; run_after?: string[] | null }, defaultTimezone: string, rule = datasetRule()): ScheduleSpec {
  const noSchedule = isChainOnly(dto);
  const fallback = noSchedule && dto.schedule !== 'chain_only' ? rule.defaultSchedule : {};
  const schedule: ScheduleSpec = {
    schedule_time: dto.schedule_time ?? fallback.schedule_time ?? null,
    cron: dto.cron ?? null,
    interval_seconds: dto.interval_seconds ?? fallback.interval_seconds ?? null,
    timezone: dto.timezone ?? defaultTimezone,
    market_hours_only: dto.market_hours_only ?? fallback.market_hours_only ?? false,
  };
  const problems = scheduleProblems({ ...schedule, run_after: dto.run_after });
  if (dto.schedule === 'chain_only' && !noSchedule) problems.push('schedule chain_only takes no schedule_time, cron or interval_seconds');
  if (problems.length) throw new BadRequestException(problems);
  return schedule;
}

/** A job spec from a create request, with the documented defaults of its dataset. */
export function specFromCreate(dto: CreateJobDto, defaultTimezone: string): JobSpec {
  const dataset = dto.dataset ?? 'historical_prices';
  const rule = datasetRule(dataset);
  assertFieldsFit(dataset, rule, dto);
  assertSubjectsFit(dataset, rule, dto);
  const spec = {
    ...scheduleFrom(dto, defaultTimezone, rule),
    name: dto.name,
    dataset,
    stock_ids: rule.symbols === false ? [] : dto.stock_ids,
    prefix: dto.prefix ?? 'scheduled_stock_data',
    ...datasetFieldsOf(rule, dto),
    ...(dto.providers && { providers: jobProviders(dto.providers) }),
    misfire_grace_seconds: dto.misfire_grace_seconds ?? 86_400,
    priority: dto.priority ?? DEFAULT_PRIORITY,
    ...(dto.notify_email && { notify_email: dto.notify_email, notify_on: dto.notify_on ?? DEFAULT_NOTIFY_ON }),
    ...(dto.run_after?.length && { run_after: [...new Set(dto.run_after)], run_after_on: dto.run_after_on ?? DEFAULT_RUN_AFTER_ON }),
    ...(dto.retry && { retry: { attempts: dto.retry.attempts, backoff_ms: dto.retry.backoff_ms } }),
    ...(dto.run_retry && { run_retry: { attempts: dto.run_retry.attempts, delay_seconds: dto.run_retry.delay_seconds } }),
  } as JobSpec;
  assertValidSpec(spec);
  return spec;
}

/**
 * The fields a partial update sets, checked against the whole spec they make with `current`.
 * Sending one schedule field switches the schedule to it, so the other two are cleared unless they
 * are sent too (and then the "exactly one" rule rejects it). Only these fields are written: the
 * scheduler's own (status, last run, …) are never written back from a read that may be stale.
 */
export function changesFromUpdate(current: JobSpec, dto: UpdateJobDto): Partial<JobSpec> {
  const problems = Object.entries(dto)
    .filter(([field, value]) => value === null && !NULLABLE_FIELDS.has(field))
    .map(([field]) => `${field} must not be null`);
  if (dto.dataset !== undefined && dto.dataset !== current.dataset) {
    problems.push(`dataset cannot be changed (this job is ${current.dataset}): create a new job for ${dto.dataset}`);
  }
  if (problems.length) throw new BadRequestException(problems);
  assertFieldsFit(current.dataset, datasetRule(current.dataset), dto);
  assertSubjectsFit(current.dataset, datasetRule(current.dataset), dto);

  const changes: Record<string, unknown> = {};
  if (SCHEDULE_FIELDS.some((field) => dto[field] != null) || dto.schedule === 'chain_only') {
    for (const field of SCHEDULE_FIELDS) changes[field] = null;
  }
  for (const [field, value] of Object.entries(dto)) {
    if (value !== undefined && field !== 'is_active' && field !== 'dataset' && field !== 'schedule') changes[field] = value;
  }
  if (dto.schedule === 'chain_only' && SCHEDULE_FIELDS.some((field) => dto[field] != null)) {
    throw new BadRequestException(['schedule chain_only takes no schedule_time, cron or interval_seconds']);
  }
  if (dto.run_after) changes.run_after = [...new Set(dto.run_after)];
  if (dto.run_after?.length && !current.run_after_on && !dto.run_after_on) changes.run_after_on = DEFAULT_RUN_AFTER_ON;
  if (dto.providers) changes.providers = jobProviders(dto.providers);
  if (dto.notify_email && !current.notify_on && !dto.notify_on) changes.notify_on = DEFAULT_NOTIFY_ON;
  assertValidSpec({ ...current, ...changes });
  return changes as Partial<JobSpec>;
}

/** A job's `providers`, aliases resolved; 400 naming a provider listed twice. */
function jobProviders(names: string[]): ProviderName[] {
  try {
    return parseProviderChain(names.join(','));
  } catch (error) {
    throw new BadRequestException([`providers: ${(error as Error).message}`]);
  }
}

/** 400 when the schedule will never run a fire: a job stored before this was checked cannot be started. */
export function assertScheduleFires(spec: ScheduleSpec): void {
  const reason = noFireReason(spec);
  if (reason) throw new BadRequestException([reason]);
}

/** 400 for stock_ids sent to a job of a dataset about no symbol. */
function assertSubjectsFit(dataset: Dataset, rule: DatasetRule, dto: { stock_ids?: unknown }): void {
  if (rule.symbols === false && dto.stock_ids !== undefined) throw new BadRequestException([`stock_ids does not apply to ${dataset} jobs: they take countries`]);
}

/** 400 for each dataset-specific field sent to a job of a dataset that does not take it. */
function assertFieldsFit(dataset: Dataset, rule: DatasetRule, dto: Partial<Record<DatasetField, unknown>>): void {
  const problems = DATASET_FIELDS.filter((field) => dto[field] !== undefined && !(field in rule.fields)).map(
    (field) => `${field} applies only to ${datasetsTaking(field).join(' and ')} jobs, not ${dataset}`,
  );
  if (problems.length) throw new BadRequestException(problems);
}

function scheduleProblems(spec: ScheduleSpec & { run_after?: string[] | null }): string[] {
  const schedules = SCHEDULE_FIELDS.filter((field) => spec[field] != null);
  if (schedules.length === 1) return [noFireReason(spec)].filter((reason) => reason !== null);
  if (schedules.length === 0) return spec.run_after?.length ? [] : ['one of schedule_time, cron or interval_seconds is required (or schedule chain_only with run_after)'];
  return [`only one of schedule_time, cron or interval_seconds may be set, got ${schedules.join(', ')}`];
}

function assertValidSpec(spec: JobSpec): void {
  const problems = scheduleProblems(spec);
  if (spec.dataset === 'historical_prices') problems.push(...windowProblems(spec));
  if (RESERVED_PREFIXES.has(spec.prefix)) {
    problems.push(`prefix "${spec.prefix}" is reserved for the scheduler's own keys`);
  }
  if (problems.length) throw new BadRequestException(problems);
}

function windowProblems(spec: JobSpec): string[] {
  const problems: string[] = [];
  const start = spec.start_date ?? null;
  const end = spec.end_date ?? null;
  if (start && end && start > end) problems.push(`start_date (${start}) must not be after end_date (${end})`);
  const today = DateTime.now().setZone(spec.timezone).toISODate() ?? '';
  if (start && start > today) problems.push(`start_date (${start}) must not be in the future`);
  const window = { data_interval: spec.data_interval as DataInterval, lookback_days: spec.lookback_days as number, start_date: start, end_date: end };
  problems.push(...intervalLimitProblems(window, today));
  return problems;
}

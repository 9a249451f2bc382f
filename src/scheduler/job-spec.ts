import { BadRequestException } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { CreateJobDto } from './dto/create-job.dto.js';
import type { UpdateJobDto } from './dto/update-job.dto.js';
import { defaultLookbackDays, intervalLimitProblems } from './data-interval-limits.js';
import { noFireReason } from './fire-times.js';
import type { JobSpec } from './job.js';

const SCHEDULE_FIELDS = ['schedule_time', 'cron', 'interval_seconds'] as const;
const NULLABLE_FIELDS = new Set<string>([...SCHEDULE_FIELDS, 'start_date', 'end_date']);
/** Market-data keys under this prefix would share the scheduler's own key space. */
const RESERVED_PREFIXES = new Set(['scheduler']);

/** The fields that decide when a job fires. */
export const SCHEDULE_SPEC_FIELDS = [...SCHEDULE_FIELDS, 'timezone', 'market_hours_only'] as const;
export type ScheduleSpec = Pick<JobSpec, (typeof SCHEDULE_SPEC_FIELDS)[number]>;

/** The schedule part of a request, with its defaults: 17:00 daily when no schedule is given. */
export function scheduleFrom(dto: Partial<ScheduleSpec>, defaultTimezone: string): ScheduleSpec {
  const noSchedule = SCHEDULE_FIELDS.every((field) => dto[field] == null);
  const schedule: ScheduleSpec = {
    schedule_time: noSchedule ? '17:00' : (dto.schedule_time ?? null),
    cron: dto.cron ?? null,
    interval_seconds: dto.interval_seconds ?? null,
    timezone: dto.timezone ?? defaultTimezone,
    market_hours_only: dto.market_hours_only ?? false,
  };
  const problems = scheduleProblems(schedule);
  if (problems.length) throw new BadRequestException(problems);
  return schedule;
}

/** A job spec from a create request, with the documented defaults. */
export function specFromCreate(dto: CreateJobDto, defaultTimezone: string): JobSpec {
  const spec: JobSpec = {
    ...scheduleFrom(dto, defaultTimezone),
    name: dto.name,
    dataset: 'historical_prices',
    stock_ids: dto.stock_ids,
    start_date: dto.start_date ?? null,
    end_date: dto.end_date ?? null,
    prefix: dto.prefix ?? 'scheduled_stock_data',
    data_interval: dto.data_interval ?? '1d',
    lookback_days: dto.lookback_days ?? defaultLookbackDays(dto.data_interval ?? '1d'),
    write_snapshot: dto.write_snapshot ?? false,
    misfire_grace_seconds: dto.misfire_grace_seconds ?? 86_400,
  };
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
  if (problems.length) throw new BadRequestException(problems);

  const changes: Record<string, unknown> = {};
  if (SCHEDULE_FIELDS.some((field) => dto[field] != null)) {
    for (const field of SCHEDULE_FIELDS) changes[field] = null;
  }
  for (const [field, value] of Object.entries(dto)) {
    if (value !== undefined && field !== 'is_active') changes[field] = value;
  }
  assertValidSpec({ ...current, ...changes });
  return changes as Partial<JobSpec>;
}

/** 400 when the schedule will never run a fire: a job stored before this was checked cannot be started. */
export function assertScheduleFires(spec: ScheduleSpec): void {
  const reason = noFireReason(spec);
  if (reason) throw new BadRequestException([reason]);
}

function scheduleProblems(spec: ScheduleSpec): string[] {
  const schedules = SCHEDULE_FIELDS.filter((field) => spec[field] != null);
  if (schedules.length === 1) return [noFireReason(spec)].filter((reason) => reason !== null);
  return [
    schedules.length === 0
      ? 'one of schedule_time, cron or interval_seconds is required'
      : `only one of schedule_time, cron or interval_seconds may be set, got ${schedules.join(', ')}`,
  ];
}

function assertValidSpec(spec: JobSpec): void {
  const problems = scheduleProblems(spec);
  if (spec.start_date && spec.end_date && spec.start_date > spec.end_date) {
    problems.push(`start_date (${spec.start_date}) must not be after end_date (${spec.end_date})`);
  }
  const today = DateTime.now().setZone(spec.timezone).toISODate() ?? '';
  if (spec.start_date && spec.start_date > today) {
    problems.push(`start_date (${spec.start_date}) must not be in the future`);
  }
  problems.push(...intervalLimitProblems(spec, today));
  if (RESERVED_PREFIXES.has(spec.prefix)) {
    problems.push(`prefix "${spec.prefix}" is reserved for the scheduler's own keys`);
  }
  if (problems.length) throw new BadRequestException(problems);
}

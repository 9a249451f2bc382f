import { IntersectionType, PickType } from '@nestjs/swagger';
import { CreateJobDto } from './create-job.dto.js';
import { NextRunsQueryDto } from './queries.dto.js';

/** A schedule to check before creating a job: the same fields and rules as in a job, plus how many fire times. */
export class SchedulePreviewDto extends IntersectionType(
  PickType(CreateJobDto, ['dataset', 'schedule_time', 'cron', 'interval_seconds', 'timezone', 'market_hours_only'] as const),
  NextRunsQueryDto,
) {}

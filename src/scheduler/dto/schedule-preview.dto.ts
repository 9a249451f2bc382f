import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CreateJobDto } from './create-job.dto.js';

/** A schedule to check before creating a job: the same fields and rules as in a job. */
export class SchedulePreviewDto extends PickType(CreateJobDto, ['schedule_time', 'cron', 'interval_seconds', 'timezone', 'market_hours_only'] as const) {
  @ApiPropertyOptional({ description: 'How many fire times (1–100).', example: 5, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

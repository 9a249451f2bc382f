import { PartialType } from '@nestjs/swagger';
import { CreateJobDto } from './create-job.dto.js';

/**
 * Every field optional; only the fields sent change. Sending one of schedule_time / cron /
 * interval_seconds switches the schedule to it; null clears start_date or end_date.
 */
export class UpdateJobDto extends PartialType(CreateJobDto) {}

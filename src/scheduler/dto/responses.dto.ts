import { ApiProperty } from '@nestjs/swagger';
import { JOB_STATUSES, type JobStatus } from '../job.js';
import { JobIdProperty, RunIdProperty } from './id-properties.js';
import { JobDto, LastResultDto } from './job.dto.js';

export class MessageDto {
  @ApiProperty({ example: 'Job updated successfully' }) message: string;
}

export class JobCreatedDto extends MessageDto {
  @JobIdProperty() job_id: string;
}

export class RunStartedDto extends MessageDto {
  @RunIdProperty() run_id: string;
}

export class JobStatusDto {
  @JobIdProperty() job_id: string;
  @ApiProperty({ enum: JOB_STATUSES, example: 'completed' }) status: JobStatus;
  @ApiProperty({ example: true }) is_active: boolean;
  @ApiProperty({ nullable: true, type: String, example: '2025-10-21T17:00:00.003-04:00' }) last_run: string | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-10-22T17:00:00.000-04:00' }) next_run: string | null;
  @ApiProperty({ type: LastResultDto, nullable: true }) last_result: LastResultDto | null;
  @ApiProperty({ format: 'uuid', description: 'The live replica that owns the job: the one that arms its CronJob (GET /scheduler/status lists them).', example: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f' })
  owner: string;
}

export class SchedulePreviewResultDto {
  @ApiProperty({ description: 'The effective zone of the schedule.', example: 'America/New_York' }) timezone: string;
  @ApiProperty({
    type: [String],
    description: 'Fire times that will run (market-hours skips left out), in the zone of the schedule.',
    example: ['2025-10-22T17:00:00.000-04:00', '2025-10-23T17:00:00.000-04:00'],
  })
  next_runs: string[];
}

export class NextRunsDto extends SchedulePreviewResultDto {
  @JobIdProperty() job_id: string;
}

export class ReplicaDto {
  @ApiProperty({ format: 'uuid', description: 'Made at each start of the process.', example: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f' }) id: string;
  @ApiProperty({ example: 'scheduler-7d9f8-abcde' }) host: string;
  @ApiProperty({ example: 1 }) pid: number;
  @ApiProperty({ example: '2026-12-04T05:00:00.000Z' }) started_at: string;
  @ApiProperty({ description: 'CronJobs it has armed: the active jobs it owns, less the chain-only ones (as of its last heartbeat).', example: 3334 }) jobs_owned: number;
  @ApiProperty({ description: 'Runs in progress in it (as of its last heartbeat).', example: 2 }) runs_in_progress: number;
}

export class SchedulerStatusDto {
  @ApiProperty({ description: 'False after POST /scheduler/stop: no job fires until /scheduler/start.', example: true })
  is_running: boolean;
  @ApiProperty({ example: 3 }) active_jobs_count: number;
  @ApiProperty({ example: 5 }) total_jobs_count: number;
  @ApiProperty({ description: 'CronJobs registered in this process.', example: 3 }) registered_jobs_count: number;
  @ApiProperty({ description: 'Runs in progress in this process.', example: 0 }) running_runs_count: number;
  @ApiProperty({ enum: ['redis', 'memory'], example: 'redis' }) store: 'redis' | 'memory';
  @ApiProperty({ description: 'Default zone of jobs that name none.', example: 'America/New_York' }) timezone: string;
  @ApiProperty({ format: 'uuid', description: 'The replica that answered.', example: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f' }) replica_id: string;
  @ApiProperty({ type: [ReplicaDto], description: 'The live replicas, which share the jobs out, oldest first (one, on the memory store).' }) replicas: ReplicaDto[];
}

export class DashboardSummaryDto {
  @ApiProperty({ example: 5 }) total: number;
  @ApiProperty({ example: 3 }) active: number;
  @ApiProperty({ example: 2 }) paused: number;
  @ApiProperty({ example: 0 }) running: number;
  @ApiProperty({ description: 'Jobs whose latest run started today (scheduler zone) and completed.', example: 2 })
  completed_today: number;
  @ApiProperty({ description: 'Jobs whose latest run started today (scheduler zone) and failed.', example: 0 })
  failed_today: number;
}

export class DashboardDto {
  @ApiProperty({ type: SchedulerStatusDto }) scheduler_status: SchedulerStatusDto;
  @ApiProperty({ type: DashboardSummaryDto }) summary: DashboardSummaryDto;
  @ApiProperty({ type: [JobDto] }) jobs: JobDto[];
}

export class ErrorDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }], example: ['schedule_time must be HH:MM between 00:00 and 23:59'] })
  message: string | string[];
  @ApiProperty({ example: 'Bad Request' }) error: string;
}

class ChainedJobDto {
  @JobIdProperty() job_id: string;
  @ApiProperty({ example: 'Daily close' }) name: string;
}

class UpstreamJobDto extends ChainedJobDto {
  @ApiProperty({ enum: JOB_STATUSES, example: 'completed' }) status: JobStatus;
}

class DownstreamJobDto extends ChainedJobDto {
  @ApiProperty({ enum: ['success', 'completed', 'any'], example: 'completed' }) run_after_on: string;
  @ApiProperty({ example: true }) is_active: boolean;
}

export class ChainViewDto {
  @JobIdProperty() job_id: string;
  @ApiProperty({ type: [UpstreamJobDto], description: 'The jobs it runs after (its run_after).' }) upstream: UpstreamJobDto[];
  @ApiProperty({ type: [DownstreamJobDto], description: 'The jobs that run after it.' }) downstream: DownstreamJobDto[];
}

/** A page of `GET /scheduler/jobs` (see ListJobsQueryDto). */
export class JobPageDto {
  @ApiProperty({ type: [JobDto], description: 'The matching jobs of this page, in creation order.' }) items: JobDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last one.', example: null }) next_cursor: string | null;
}

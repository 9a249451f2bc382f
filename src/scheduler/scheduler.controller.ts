import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from './api-errors.decorator.js';
import { DashboardDto, MessageDto, SchedulePreviewResultDto, SchedulerStatusDto } from './dto/responses.dto.js';
import { SchedulePreviewDto } from './dto/schedule-preview.dto.js';
import { JobManager } from './job-manager.js';
import { JobScheduler } from './job-scheduler.js';

@ApiTags('scheduler')
@ApiCommonErrors()
@Controller('scheduler')
export class SchedulerController {
  constructor(
    private readonly jobs: JobManager,
    private readonly scheduler: JobScheduler,
  ) {}

  @Get('status')
  @ApiOperation({ summary: 'Scheduler status and job counts' })
  @ApiOkResponse({ type: SchedulerStatusDto })
  status(): Promise<SchedulerStatusDto> {
    return this.jobs.status();
  }

  @Post('start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume the whole scheduler', description: 'Active jobs fire again from their next occurrence.' })
  @ApiOkResponse({ type: MessageDto })
  start(): MessageDto {
    this.scheduler.resume();
    return { message: 'Scheduler started successfully' };
  }

  @Post('stop')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause the whole scheduler', description: 'No job fires until /scheduler/start; runs in progress finish.' })
  @ApiOkResponse({ type: MessageDto })
  stop(): MessageDto {
    this.scheduler.pause();
    return { message: 'Scheduler stopped successfully' };
  }

  @Post('schedule-preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Check a schedule and preview its next fire times', description: 'Validates like a job create; nothing is stored.' })
  @ApiOkResponse({ type: SchedulePreviewResultDto })
  preview(@Body() dto: SchedulePreviewDto): SchedulePreviewResultDto {
    const { count = 5, ...schedule } = dto;
    return this.jobs.preview(schedule, count);
  }

  @Get('dashboard')
  @ApiOperation({ summary: 'Summary of all jobs (seed 002 dashboard)' })
  @ApiOkResponse({ type: DashboardDto })
  dashboard(): Promise<DashboardDto> {
    return this.jobs.dashboard();
  }
}

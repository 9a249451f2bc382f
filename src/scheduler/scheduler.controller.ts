import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from './api-errors.decorator.js';
import { SCHEDULE_PREVIEW_EXAMPLES } from './dto/request-examples.js';
import { DashboardDto, MessageDto, SchedulePreviewResultDto, SchedulerStatusDto } from './dto/responses.dto.js';
import { SchedulePreviewDto } from './dto/schedule-preview.dto.js';
import { JobManager } from './job-manager.js';

@ApiTags('scheduler')
@ApiCommonErrors()
@Controller('scheduler')
export class SchedulerController {
  constructor(private readonly jobs: JobManager) {}

  @Get('status')
  @ApiOperation({ summary: 'Scheduler status and job counts' })
  @ApiOkResponse({ type: SchedulerStatusDto, description: 'Whether jobs fire, and how many there are.' })
  status(): Promise<SchedulerStatusDto> {
    return this.jobs.status();
  }

  @Post('start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume the whole scheduler', description: 'Active jobs fire again from their next occurrence, on every replica.' })
  @ApiOkResponse({ type: MessageDto, description: 'Jobs fire again.' })
  async start(): Promise<MessageDto> {
    await this.jobs.setSchedulerRunning(true);
    return { message: 'Scheduler started successfully' };
  }

  @Post('stop')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Pause the whole scheduler', description: 'No job fires on any replica until /scheduler/start (kept across restarts); runs in progress finish.' })
  @ApiOkResponse({ type: MessageDto, description: 'No job fires until /scheduler/start.' })
  async stop(): Promise<MessageDto> {
    await this.jobs.setSchedulerRunning(false);
    return { message: 'Scheduler stopped successfully' };
  }

  @Post('schedule-preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Check a schedule and preview its next fire times', description: 'Validates like a job create; nothing is stored.' })
  @ApiBody({ type: SchedulePreviewDto, examples: SCHEDULE_PREVIEW_EXAMPLES })
  @ApiOkResponse({ type: SchedulePreviewResultDto, description: 'The schedule is valid; its next fire times.' })
  preview(@Body() dto: SchedulePreviewDto): SchedulePreviewResultDto {
    const { count = 5, from, ...schedule } = dto;
    return this.jobs.preview(schedule, count, from ? new Date(from) : new Date());
  }

  @Get('dashboard')
  @ApiOperation({ summary: 'Summary of all jobs: totals, runs today, and every job' })
  @ApiOkResponse({ type: DashboardDto, description: 'Totals, runs today, and every job.' })
  dashboard(): Promise<DashboardDto> {
    return this.jobs.dashboard();
  }
}

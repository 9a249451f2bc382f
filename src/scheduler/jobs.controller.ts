import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from './actor.decorator.js';
import { ApiCommonErrors } from './api-errors.decorator.js';
import { AuditEntryDto } from './dto/audit-entry.dto.js';
import { CreateJobDto } from './dto/create-job.dto.js';
import { JobDto } from './dto/job.dto.js';
import { ListJobsQueryDto, NextRunsQueryDto, RunsQueryDto } from './dto/queries.dto.js';
import { ErrorDto, JobCreatedDto, JobStatusDto, MessageDto, NextRunsDto, RunStartedDto } from './dto/responses.dto.js';
import { RunRecordDto } from './dto/run-record.dto.js';
import { UpdateJobDto } from './dto/update-job.dto.js';
import { JobManager } from './job-manager.js';

const JobId = () => Param('id', new ParseUUIDPipe());
const NoSuchJob = () => ApiNotFoundResponse({ type: ErrorDto, description: 'No job with this id.' });

@ApiTags('jobs')
@ApiCommonErrors()
@Controller('scheduler/jobs')
export class JobsController {
  constructor(private readonly jobs: JobManager) {}

  @Post()
  @ApiOperation({ summary: 'Create a scheduled job', description: 'Registered with the scheduler at once when active.' })
  @ApiCreatedResponse({ type: JobCreatedDto })
  async create(@Body() dto: CreateJobDto, @Actor() actor: string): Promise<JobCreatedDto> {
    const job = await this.jobs.create(dto, actor);
    return { message: 'Job created successfully', job_id: job.job_id };
  }

  @Get()
  @ApiOperation({ summary: 'List jobs' })
  @ApiOkResponse({ type: [JobDto] })
  list(@Query() query: ListJobsQueryDto): Promise<JobDto[]> {
    return this.jobs.list(query.active_only ?? false);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a job' })
  @NoSuchJob()
  @ApiOkResponse({ type: JobDto })
  get(@JobId() id: string): Promise<JobDto> {
    return this.jobs.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a job (partial)', description: 'Only the fields sent change; the schedule is re-registered at once.' })
  @NoSuchJob()
  @ApiOkResponse({ type: MessageDto })
  async update(@JobId() id: string, @Body() dto: UpdateJobDto, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.update(id, dto, actor);
    return { message: 'Job updated successfully' };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a job and its run history' })
  @NoSuchJob()
  @ApiOkResponse({ type: MessageDto })
  async delete(@JobId() id: string, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.delete(id, actor);
    return { message: 'Job deleted successfully' };
  }

  @Post(':id/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Activate a job', description: 'is_active true, status pending, next_run set.' })
  @NoSuchJob()
  @ApiOkResponse({ type: MessageDto })
  async start(@JobId() id: string, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.setActive(id, true, actor);
    return { message: 'Job started successfully' };
  }

  @Post(':id/stop')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deactivate a job', description: 'is_active false, status paused; a run in progress finishes.' })
  @NoSuchJob()
  @ApiOkResponse({ type: MessageDto })
  async stop(@JobId() id: string, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.setActive(id, false, actor);
    return { message: 'Job stopped successfully' };
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Status of a job' })
  @NoSuchJob()
  @ApiOkResponse({ type: JobStatusDto })
  async status(@JobId() id: string): Promise<JobStatusDto> {
    const { job_id, status, is_active, last_run, next_run, last_result } = await this.jobs.get(id);
    return { job_id, status, is_active, last_run, next_run, last_result };
  }

  @Post(':id/run')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Run a job now',
    description: 'Starts a manual run; its record (status running) can be read at /runs/{run_id} from this answer on, unless the run waits for a free slot.',
  })
  @NoSuchJob()
  @ApiAcceptedResponse({ type: RunStartedDto })
  @ApiConflictResponse({ type: ErrorDto, description: 'A run of this job is in progress.' })
  async run(@JobId() id: string): Promise<RunStartedDto> {
    return { message: 'Job run started', run_id: await this.jobs.runNow(id) };
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'Recent runs of a job, newest first' })
  @NoSuchJob()
  @ApiOkResponse({ type: [RunRecordDto] })
  runs(@JobId() id: string, @Query() query: RunsQueryDto): Promise<RunRecordDto[]> {
    return this.jobs.runs(id, query.limit ?? 20);
  }

  @Get(':id/runs/:run_id')
  @ApiOperation({ summary: 'One run of a job', description: 'The run in progress (status running, with progress) or a recorded one.' })
  @NoSuchJob()
  @ApiOkResponse({ type: RunRecordDto })
  runById(@JobId() id: string, @Param('run_id', new ParseUUIDPipe()) runId: string): Promise<RunRecordDto> {
    return this.jobs.run(id, runId);
  }

  @Get(':id/next-runs')
  @ApiOperation({ summary: 'Next fire times of a job', description: 'Empty while the job is stopped.' })
  @NoSuchJob()
  @ApiOkResponse({ type: NextRunsDto })
  async nextRuns(@JobId() id: string, @Query() query: NextRunsQueryDto): Promise<NextRunsDto> {
    const job = await this.jobs.get(id);
    return { job_id: id, timezone: job.timezone, next_runs: await this.jobs.nextRuns(id, query.count ?? 5, query.from ? new Date(query.from) : new Date()) };
  }

  @Get(':id/audit')
  @ApiOperation({ summary: 'Who changed the job, when, from what to what', description: 'Newest first; kept after the job is deleted.' })
  @NoSuchJob()
  @ApiOkResponse({ type: [AuditEntryDto] })
  audit(@JobId() id: string, @Query() query: RunsQueryDto): Promise<AuditEntryDto[]> {
    return this.jobs.audit(id, query.limit ?? 20);
  }
}

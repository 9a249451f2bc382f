import { applyDecorators, Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Actor } from './actor.decorator.js';
import { ApiCommonErrors } from './api-errors.decorator.js';
import { AuditEntryDto } from './dto/audit-entry.dto.js';
import { CreateJobDto } from './dto/create-job.dto.js';
import { JobIdParam, RunIdParam } from './dto/id-properties.js';
import { JobDto } from './dto/job.dto.js';
import { ListJobsQueryDto } from './dto/list-jobs-query.dto.js';
import { NextRunsQueryDto, RunsQueryDto } from './dto/queries.dto.js';
import { CREATE_JOB_EXAMPLES, UPDATE_JOB_EXAMPLES } from './dto/request-examples.js';
import { ChainViewDto, ErrorDto, JobCreatedDto, JobPageDto, JobStatusDto, MessageDto, NextRunsDto, RunStartedDto } from './dto/responses.dto.js';
import { RunRecordDto } from './dto/run-record.dto.js';
import { UpdateJobDto } from './dto/update-job.dto.js';
import { JobManager } from './job-manager.js';
import { isPageQuery, pageOfJobs } from './job-page.js';

const JobId = () => Param('id', new ParseUUIDPipe());
/** A route of one job: its `{id}` parameter, and the 404 when there is no such job. */
const JobRoute = (notFound = 'No job with this id.') => applyDecorators(JobIdParam(), ApiNotFoundResponse({ type: ErrorDto, description: notFound }));

@ApiTags('jobs')
@ApiCommonErrors()
@Controller('scheduler/jobs')
export class JobsController {
  constructor(private readonly jobs: JobManager) {}

  @Post()
  @ApiOperation({ summary: 'Create a scheduled job', description: 'Registered with the scheduler at once when active.' })
  @ApiBody({ type: CreateJobDto, examples: CREATE_JOB_EXAMPLES })
  @ApiCreatedResponse({ type: JobCreatedDto, description: 'The job is stored (and scheduled when active); its id.' })
  async create(@Body() dto: CreateJobDto, @Actor() actor: string): Promise<JobCreatedDto> {
    const job = await this.jobs.create(dto, actor);
    return { message: 'Job created successfully', job_id: job.job_id };
  }

  @Get()
  @ApiOperation({ summary: 'List jobs', description: 'Every job as an array; with q, status, dataset, limit or cursor, one page of the matching jobs.' })
  @ApiExtraModels(JobPageDto)
  @ApiOkResponse({
    description: 'Every job (or every active one), in creation order; or a page, {items, next_cursor}.',
    schema: { oneOf: [{ type: 'array', items: { $ref: getSchemaPath(JobDto) } }, { $ref: getSchemaPath(JobPageDto) }] },
  })
  async list(@Query() query: ListJobsQueryDto): Promise<JobDto[] | JobPageDto> {
    const jobs = await this.jobs.list(query.active_only ?? false);
    return isPageQuery(query) ? pageOfJobs(jobs, query) : jobs;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a job' })
  @JobRoute()
  @ApiOkResponse({ type: JobDto, description: 'The job.' })
  get(@JobId() id: string): Promise<JobDto> {
    return this.jobs.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Update a job (partial)', description: 'Only the fields sent change; the schedule is re-registered at once.' })
  @JobRoute()
  @ApiBody({ type: UpdateJobDto, examples: UPDATE_JOB_EXAMPLES })
  @ApiOkResponse({ type: MessageDto, description: 'The job is updated.' })
  async update(@JobId() id: string, @Body() dto: UpdateJobDto, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.update(id, dto, actor);
    return { message: 'Job updated successfully' };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a job and its run history' })
  @JobRoute()
  @ApiOkResponse({ type: MessageDto, description: 'The job and its run history are deleted.' })
  async delete(@JobId() id: string, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.delete(id, actor);
    return { message: 'Job deleted successfully' };
  }

  @Post(':id/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Activate a job', description: 'is_active true, status pending, next_run set.' })
  @JobRoute()
  @ApiOkResponse({ type: MessageDto, description: 'The job is active.' })
  async start(@JobId() id: string, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.setActive(id, true, actor);
    return { message: 'Job started successfully' };
  }

  @Post(':id/stop')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deactivate a job', description: 'is_active false, status paused; a run in progress finishes.' })
  @JobRoute()
  @ApiOkResponse({ type: MessageDto, description: 'The job is stopped.' })
  async stop(@JobId() id: string, @Actor() actor: string): Promise<MessageDto> {
    await this.jobs.setActive(id, false, actor);
    return { message: 'Job stopped successfully' };
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Status of a job' })
  @JobRoute()
  @ApiOkResponse({ type: JobStatusDto, description: 'Its status, latest and next run.' })
  async status(@JobId() id: string): Promise<JobStatusDto> {
    const { job_id, status, is_active, last_run, next_run, last_result } = await this.jobs.get(id);
    return { job_id, status, is_active, last_run, next_run, last_result, owner: this.jobs.ownerOf(job_id) };
  }

  @Post(':id/run')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Run a job now',
    description: 'Starts a manual run; its record (status running) can be read at /runs/{run_id} from this answer on, unless the run waits for a free slot.',
  })
  @JobRoute()
  @ApiAcceptedResponse({ type: RunStartedDto, description: 'The run is started (or waits for a free slot); its id.' })
  @ApiConflictResponse({ type: ErrorDto, description: 'A run of this job is in progress.' })
  async run(@JobId() id: string): Promise<RunStartedDto> {
    return { message: 'Job run started', run_id: await this.jobs.runNow(id) };
  }

  @Get(':id/runs')
  @ApiOperation({ summary: 'Recent runs of a job, newest first' })
  @JobRoute()
  @ApiOkResponse({ type: [RunRecordDto], description: 'Run records, newest first; the run in progress first.' })
  runs(@JobId() id: string, @Query() query: RunsQueryDto): Promise<RunRecordDto[]> {
    return this.jobs.runs(id, query.limit ?? 20);
  }

  @Get(':id/runs/:run_id')
  @ApiOperation({ summary: 'One run of a job', description: 'The run in progress (status running, with progress) or a recorded one.' })
  @JobRoute('No job with this id, or no run with this id among its newest records.')
  @RunIdParam()
  @ApiOkResponse({ type: RunRecordDto, description: 'The run record.' })
  runById(@JobId() id: string, @Param('run_id', new ParseUUIDPipe()) runId: string): Promise<RunRecordDto> {
    return this.jobs.run(id, runId);
  }

  @Get(':id/next-runs')
  @ApiOperation({ summary: 'Next fire times of a job', description: 'Empty while the job is stopped.' })
  @JobRoute()
  @ApiOkResponse({ type: NextRunsDto, description: 'The next fire times, in the zone of the job.' })
  async nextRuns(@JobId() id: string, @Query() query: NextRunsQueryDto): Promise<NextRunsDto> {
    const job = await this.jobs.get(id);
    return { job_id: id, timezone: job.timezone, next_runs: await this.jobs.nextRuns(id, query.count ?? 5, query.from ? new Date(query.from) : new Date()) };
  }

  @Get(':id/chain')
  @ApiOperation({ summary: 'The jobs a job runs after, and those that run after it' })
  @JobRoute()
  @ApiOkResponse({ type: ChainViewDto, description: 'Upstream and downstream jobs.' })
  chain(@JobId() id: string): Promise<ChainViewDto> {
    return this.jobs.chain(id);
  }

  @Get(':id/audit')
  @ApiOperation({ summary: 'Who changed the job, when, from what to what', description: 'Newest first; kept after the job is deleted.' })
  @JobRoute()
  @ApiOkResponse({ type: [AuditEntryDto], description: 'Audit entries, newest first.' })
  audit(@JobId() id: string, @Query() query: RunsQueryDto): Promise<AuditEntryDto[]> {
    return this.jobs.audit(id, query.limit ?? 20);
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DATASETS, type Dataset } from '../../datasets/dataset.js';
import { JOB_STATUSES, type JobStatus } from '../job.js';
import { DEFAULT_PAGE_SIZE, JOB_SORTS, type JobPageQuery, type JobSort } from '../job-page.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const PAGE = 'Given (any of q, status, dataset, sort, limit, cursor), the answer is a page, {items, next_cursor}.';

export class ListJobsQueryDto implements JobPageQuery {
  @ApiPropertyOptional({ description: 'Only jobs with is_active true.', example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active_only?: boolean;

  @ApiPropertyOptional({ description: `Search, case-insensitive: part of the name, or the start of one of the symbols. ${PAGE}`, example: 'close', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: JOB_STATUSES, description: `Only jobs with this status. ${PAGE}` })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ enum: DATASETS, description: `Only jobs of this dataset. ${PAGE}` })
  @IsOptional()
  @IsIn(DATASETS)
  dataset?: Dataset;

  @ApiPropertyOptional({ enum: JOB_SORTS, default: 'created', description: `Order of the pages, ascending, ties by job id: creation, name (case-insensitive) or next run (stopped jobs last). ${PAGE}` })
  @IsOptional()
  @IsIn(JOB_SORTS)
  sort?: JobSort;

  @ApiPropertyOptional({ description: `Jobs per page (1–500). ${PAGE}`, example: DEFAULT_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: `The next_cursor of the page before. ${PAGE}`, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

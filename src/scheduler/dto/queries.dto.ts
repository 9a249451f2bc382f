import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';


/** An instant: a date-time with seconds optional, fractions optional, and a zone (`Z` or an offset). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export class NextRunsQueryDto {
  @ApiPropertyOptional({ description: 'How many fire times (1–100).', example: 5, default: 5, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;

  @ApiPropertyOptional({
    description: 'List the fire times after this instant (past or future; ISO 8601 with Z or an offset) instead of after now, e.g. to check a DST change or a holiday months away.',
    example: '2027-03-13T00:00:00-05:00',
  })
  @IsOptional()
  @Matches(INSTANT, { message: 'from must be an ISO 8601 instant with a zone, e.g. 2027-03-13T00:00:00Z' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date and time' })
  from?: string;
}

export class RunsQueryDto {
  @ApiPropertyOptional({ description: 'How many records, newest first (1–1000).', example: 20, default: 20, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

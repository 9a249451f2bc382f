import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListJobsQueryDto {
  @ApiPropertyOptional({ description: 'Only jobs with is_active true.', example: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active_only?: boolean;
}

export class NextRunsQueryDto {
  @ApiPropertyOptional({ description: 'How many fire times (1–100).', example: 5, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;
}

export class RunsQueryDto {
  @ApiPropertyOptional({ description: 'How many records, newest first (1–1000).', example: 20, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

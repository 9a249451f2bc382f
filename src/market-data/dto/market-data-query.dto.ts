import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PREFIX_PATTERN } from '../../scheduler/dto/create-job.dto.js';
import { DATA_INTERVALS, type DataInterval } from '../../scheduler/job.js';

export class MarketDataQueryDto {
  @ApiPropertyOptional({ enum: DATA_INTERVALS, default: '1d', example: '1d' })
  @IsOptional()
  @IsIn(DATA_INTERVALS)
  interval?: DataInterval;

  @ApiPropertyOptional({ description: 'Earliest bar time, ISO 8601 date or date-time (inclusive).', example: '2020-09-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Latest bar time, ISO 8601 date or date-time (inclusive).', example: '2020-10-31T23:59:59Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Key prefix the job stored under.', default: 'scheduled_stock_data', example: 'scheduled_stock_data' })
  @IsOptional()
  @Matches(PREFIX_PATTERN, { message: 'prefix must be 1–64 of A-Z a-z 0-9 _ -' })
  prefix?: string;
}

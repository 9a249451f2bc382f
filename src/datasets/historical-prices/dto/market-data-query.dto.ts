import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PREFIX_PATTERN } from '../../../scheduler/dto/create-job.dto.js';
import { DATA_INTERVALS, type DataInterval } from '../../../scheduler/job.js';
import { TimeRangeQuery } from '../../read-route.js';

export class MarketDataQueryDto extends TimeRangeQuery('bar time', { from: '2020-09-01', to: '2020-10-31T23:59:59Z' }) {
  @ApiPropertyOptional({ enum: DATA_INTERVALS, default: '1d', example: '1d' })
  @IsOptional()
  @IsIn(DATA_INTERVALS)
  interval?: DataInterval;

  @ApiPropertyOptional({ description: 'Key prefix the job stored under.', default: 'scheduled_stock_data', example: 'scheduled_stock_data' })
  @IsOptional()
  @Matches(PREFIX_PATTERN, { message: 'prefix must be 1–64 of A-Z a-z 0-9 _ -' })
  prefix?: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PREFIX_PATTERN } from '../../../scheduler/dto/create-job.dto.js';
import { DATA_INTERVALS, type DataInterval } from '../../../scheduler/job.js';

// The forms the README documents, and no other ISO 8601 form (weeks, ordinal days, basic format).
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;
const FORMS = 'a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS[.sss]] ending in Z or ±HH:MM';

/** `from` / `to`: one of {@link FORMS}, and a real calendar date and time (Date.parse would roll 02-30 over). */
const BarTime = (name: 'from' | 'to') =>
  applyDecorators(
    IsOptional(),
    Matches(DATE_OR_DATE_TIME, { message: `${name} must be ${FORMS}` }),
    IsISO8601({ strict: true }, { message: `${name} must be a real calendar date and time` }),
  );

export class MarketDataQueryDto {
  @ApiPropertyOptional({ enum: DATA_INTERVALS, default: '1d', example: '1d' })
  @IsOptional()
  @IsIn(DATA_INTERVALS)
  interval?: DataInterval;

  @ApiPropertyOptional({ description: `Earliest bar time (inclusive): ${FORMS}.`, example: '2020-09-01' })
  @BarTime('from')
  from?: string;

  @ApiPropertyOptional({ description: `Latest bar time (inclusive): ${FORMS}; a date alone covers that whole day.`, example: '2020-10-31T23:59:59Z' })
  @BarTime('to')
  to?: string;

  @ApiPropertyOptional({ description: 'Key prefix the job stored under.', default: 'scheduled_stock_data', example: 'scheduled_stock_data' })
  @IsOptional()
  @Matches(PREFIX_PATTERN, { message: 'prefix must be 1–64 of A-Z a-z 0-9 _ -' })
  prefix?: string;
}

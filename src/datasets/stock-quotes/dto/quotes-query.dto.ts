import { ApiProperty, ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { SYMBOL_PATTERN, SYMBOL_RULE } from '../../../scheduler/dto/create-job.dto.js';
import { MarketDataQueryDto } from '../../historical-prices/dto/market-data-query.dto.js';
import { MAX_READ_LIMIT, QueryLimit, TimeRangeQuery } from '../../read-route.js';

export const MAX_LATEST_SYMBOLS = 100;

export class QuotesQueryDto extends IntersectionType(PickType(MarketDataQueryDto, ['prefix'] as const), TimeRangeQuery('quote time', { from: '2025-02-14', to: '2025-02-14T21:00:00Z' })) {
  @ApiPropertyOptional({ description: `Only the newest this many quotes of the range (1–${MAX_READ_LIMIT}), still oldest first.`, example: 390, type: 'integer' })
  @QueryLimit()
  limit?: number;
}

const LIST_RULE = `symbols must be a comma-separated list of 1–${MAX_LATEST_SYMBOLS} symbols`;

export class LatestQuotesQueryDto extends PickType(MarketDataQueryDto, ['prefix'] as const) {
  @ApiProperty({ type: String, description: `Comma-separated Yahoo symbols (1–${MAX_LATEST_SYMBOLS}), case-insensitive.`, example: 'AAPL,MSFT' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @IsArray({ message: LIST_RULE })
  @ArrayMinSize(1, { message: LIST_RULE })
  @ArrayMaxSize(MAX_LATEST_SYMBOLS, { message: LIST_RULE })
  @Matches(SYMBOL_PATTERN, { each: true, message: `each value in symbols must be ${SYMBOL_RULE}` })
  symbols: string[];
}

import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { MarketDataQueryDto } from '../../historical-prices/dto/market-data-query.dto.js';
import { MAX_READ_LIMIT, QueryLimit, QueryTime, TIME_FORMS } from '../../read-route.js';

export class NewsQueryDto extends PickType(MarketDataQueryDto, ['prefix'] as const) {
  @ApiPropertyOptional({ description: `Earliest publish time (inclusive): ${TIME_FORMS}.`, example: '2025-02-25' })
  @QueryTime('from')
  from?: string;

  @ApiPropertyOptional({ description: `Latest publish time (inclusive): ${TIME_FORMS}; a date alone covers that whole day.`, example: '2025-02-25T06:00:00Z' })
  @QueryTime('to')
  to?: string;

  @ApiPropertyOptional({ description: `Only the newest this many articles of the range (1–${MAX_READ_LIMIT}).`, example: 10, type: 'integer' })
  @QueryLimit()
  limit?: number;
}

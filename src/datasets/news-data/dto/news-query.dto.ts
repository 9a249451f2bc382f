import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { MarketDataQueryDto } from '../../historical-prices/dto/market-data-query.dto.js';
import { MAX_READ_LIMIT, QueryLimit, TimeRangeQuery } from '../../read-route.js';

export class NewsQueryDto extends IntersectionType(PickType(MarketDataQueryDto, ['prefix'] as const), TimeRangeQuery('publish time', { from: '2025-02-25', to: '2025-02-25T06:00:00Z' })) {
  @ApiPropertyOptional({ description: `Only the newest this many articles of the range (1–${MAX_READ_LIMIT}).`, example: 10, type: 'integer' })
  @QueryLimit()
  limit?: number;
}

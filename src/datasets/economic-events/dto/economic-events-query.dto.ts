import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, Matches } from 'class-validator';
import { MarketDataQueryDto } from '../../historical-prices/dto/market-data-query.dto.js';
import { MAX_READ_LIMIT, QueryLimit, TimeRangeQuery } from '../../read-route.js';

export class EconomicEventsQueryDto extends IntersectionType(PickType(MarketDataQueryDto, ['prefix'] as const), TimeRangeQuery('release time', { from: '2020-06-01', to: '2020-06-02T12:00:00Z' })) {
  @ApiPropertyOptional({ description: 'Comma-separated ISO 3166 alpha-2 codes; default: every country.', example: 'US,EU', type: String })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((code) => code.trim().toUpperCase()) : value))
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { each: true, message: 'each value in country must be an ISO 3166 alpha-2 country code, e.g. US' })
  country?: string[];

  @ApiPropertyOptional({ description: `Only the earliest this many releases of the range (1–${MAX_READ_LIMIT}).`, example: 100, type: 'integer' })
  @QueryLimit()
  limit?: number;
}

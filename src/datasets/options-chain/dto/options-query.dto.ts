import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { MarketDataQueryDto } from '../../historical-prices/dto/market-data-query.dto.js';
import { QueryTime, TIME_FORMS } from '../../read-route.js';

export class OptionsQueryDto extends PickType(MarketDataQueryDto, ['prefix'] as const) {
  @ApiPropertyOptional({ description: 'Expiration date (YYYY-MM-DD); default: the nearest one of the latest fetch.', example: '2025-03-07' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expiration must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'expiration must be a real calendar date' })
  expiration?: string;

  @ApiPropertyOptional({ description: `The snapshot fetched last at or before this time: ${TIME_FORMS}; a date alone covers that whole day. Default: the latest.`, example: '2025-02-24T16:00:00Z' })
  @QueryTime('at')
  at?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { MarketDataQueryDto } from './market-data-query.dto.js';

export const BAR_FORMATS = ['json', 'csv'] as const;

export class BarsQueryDto extends MarketDataQueryDto {
  @ApiPropertyOptional({ enum: BAR_FORMATS, description: 'csv: the bars as a CSV download (as does `Accept: text/csv`); default json.', example: 'json' })
  @IsOptional()
  @IsIn(BAR_FORMATS)
  format?: (typeof BAR_FORMATS)[number];
}

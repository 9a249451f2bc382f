import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CorporateActionDto {
  @ApiProperty({ description: "The provider's event timestamp, ISO 8601 UTC.", example: '2020-08-31T13:30:00.000Z' }) date: string;
  @ApiProperty({ enum: ['dividend', 'split'], example: 'split' }) kind: 'dividend' | 'split';
  @ApiPropertyOptional({ description: 'Dividend per share (dividends only).', example: 0.205 }) amount?: number;
  @ApiPropertyOptional({ description: 'New shares per `denominator` old ones (splits only).', example: 4 }) numerator?: number;
  @ApiPropertyOptional({ description: 'Old shares (splits only).', example: 1 }) denominator?: number;
}

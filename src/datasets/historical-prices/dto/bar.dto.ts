import { ApiProperty } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';

export class BarDto {
  @ApiProperty({ description: "The provider's bar timestamp, ISO 8601 UTC.", example: '2020-09-01T13:30:00.000Z' }) date: string;
  @ApiProperty({ example: 132.76 }) open: number;
  @ApiProperty({ example: 134.8 }) high: number;
  @ApiProperty({ example: 130.53 }) low: number;
  @ApiProperty({ example: 134.18 }) close: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Split/dividend-adjusted close, when the provider gives one.', example: 131.43 })
  adj_close: number | null;
  @ApiProperty({ example: 152470100 }) volume: number;
  @ApiSource('bar') source: string;
}

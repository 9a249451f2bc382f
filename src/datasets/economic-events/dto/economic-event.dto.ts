import { ApiProperty } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';
import type { StoredEvent } from '../economic-event.js';

const value = (description: string, example: number) => ApiProperty({ type: Number, nullable: true, description, example });

/** A stored release; the examples are the first of Finnhub's documented answer (test/fixtures/finnhub/economic-calendar.json). */
export class EconomicEventDto {
  @ApiProperty({ description: 'Release time, ISO 8601 UTC.', example: '2020-06-02T01:30:00.000Z' }) time: string;
  @ApiProperty({ description: 'ISO 3166 alpha-2 country code, upper case.', example: 'AU' }) country: string;
  @ApiProperty({ description: "The release's name, as the provider gives it.", example: 'Australia - Current Account Balance' }) event: string;
  @ApiProperty({ type: String, nullable: true, description: 'low, medium or high.', example: 'low' }) impact: string | null;
  @value('The released value; null until it is out.', 8.4) actual: number | null;
  @value("The consensus estimate.", 6.9) estimate: number | null;
  @value('The value of the release before.', 1) previous: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Unit of the values.', example: 'AUD' }) unit: string | null;
  @ApiSource('release') source: string;
}

export function toEventDto({ time, ...values }: StoredEvent): EconomicEventDto {
  return { time: new Date(time).toISOString(), ...values };
}

import { ApiProperty } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';
import type { StoredEarnings } from '../earnings.js';

const number = (description: string, example: number) => ApiProperty({ type: Number, nullable: true, description, example });

/** One quarter; the examples are AAPL's quarter to 2024-09-30 as recorded (test/fixtures/yahoo/quoteSummary-earningsHistory-AAPL.json). */
export class EarningsQuarterDto {
  @ApiProperty({ description: 'The fiscal quarter end (YYYY-MM-DD): the quarter\'s identity.', example: '2024-09-30' }) quarter_end: string;
  @number('Reported EPS; null for a quarter not reported yet.', 0.97) eps_actual: number | null;
  @number("Analysts' EPS estimate.", 0.94654) eps_estimate: number | null;
  @number('EPS surprise as a percentage (2.48 = 2.48 %); null where Yahoo gives none.', 2.48) surprise_percent: number | null;
}

/** A symbol's stored earnings (the recorded AAPL answers of 2025-02-24). */
export class EarningsDto {
  @ApiProperty({ description: 'The symbol, upper-case.', example: 'AAPL' }) symbol: string;
  @ApiProperty({ description: 'When the run that last fetched the earnings started, ISO 8601 UTC.', example: '2025-02-24T09:34:52.000Z' }) fetched_at: string;
  @ApiProperty({
    type: [String],
    description: 'The next earnings date(s) as last fetched, soonest first, ISO 8601 UTC; Yahoo gives a window of one or two dates.',
    example: ['2025-04-30T10:59:00.000Z', '2025-05-05T12:00:00.000Z'],
  })
  next_earnings_dates: string[];
  @ApiProperty({ type: [EarningsQuarterDto], description: 'Every quarter stored, oldest first, one per quarter end.' }) quarters: EarningsQuarterDto[];
  @ApiSource('earnings, in their latest fetch') source: string;
}

export function toEarningsDto(symbol: string, { fetched_at, source, next_earnings_dates, quarters }: StoredEarnings): EarningsDto {
  const iso = (time: number) => new Date(time).toISOString();
  return { symbol, fetched_at: iso(fetched_at), next_earnings_dates: next_earnings_dates.map(iso), quarters, source };
}

import { ApiProperty } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';
import type { StoredQuote } from '../quote.js';

const number = (description: string, example: number) => ApiProperty({ type: Number, nullable: true, description, example });

/** A stored quote; the examples are the recorded AAPL answer (test/fixtures/yahoo/quote-AAPL.json). */
export class QuoteDto {
  @ApiProperty({ description: "The provider's time of the quote (Yahoo's regularMarketTime), ISO 8601 UTC.", example: '2025-02-14T21:00:00.000Z' })
  time: string;
  @ApiProperty({ description: 'Regular-market price.', example: 244.6 }) price: number;
  @number('Change from the previous close.', 3.0700073) change: number | null;
  @number('Change from the previous close, in percent.', 1.2710667) change_percent: number | null;
  @number('Regular-market volume of the day.', 40896227) volume: number | null;
  @number("The day's open.", 241.07) open: number | null;
  @number("The day's high.", 245.41) day_high: number | null;
  @number("The day's low.", 241) day_low: number | null;
  @number('The previous close.', 241.53) previous_close: number | null;
  @number('Best bid.', 244.44) bid: number | null;
  @number('Best ask.', 253.37) ask: number | null;
  @ApiProperty({ type: String, nullable: true, description: "Yahoo's market state (PRE, REGULAR, POST, CLOSED, …).", example: 'CLOSED' })
  market_state: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Currency of the prices.', example: 'USD' })
  currency: string | null;
  @ApiSource('quote') source: string;
}

export function toQuoteDto({ time, ...values }: StoredQuote): QuoteDto {
  return { time: new Date(time).toISOString(), ...values };
}

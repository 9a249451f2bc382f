import { ApiProperty } from '@nestjs/swagger';
import { ApiSource } from '../../read-route.js';
import type { OptionContract, StoredSnapshot } from '../option-chain.js';

const number = (description: string, example: number) => ApiProperty({ type: Number, nullable: true, description, example });
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** One contract; the examples are the first call of the recorded AAPL chain (test/fixtures/yahoo/options-AAPL.json). */
export class OptionContractDto {
  @ApiProperty({ description: "The contract's OCC symbol.", example: 'AAPL250228C00110000' }) contract_symbol: string;
  @ApiProperty({ description: 'Strike price.', example: 110 }) strike: number;
  @number('Price of the last trade.', 111.67) last_price: number | null;
  @number('Best bid.', 135.9) bid: number | null;
  @number('Best ask.', 136.65) ask: number | null;
  @number('Change of the last price from the previous close.', 0) change: number | null;
  @number("The day's volume (Yahoo leaves it out when there was none).", 1) volume: number | null;
  @number('Open interest.', 0) open_interest: number | null;
  @number('Implied volatility, as a fraction (3.59 = 359 %).', 3.58593853515625) implied_volatility: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the contract is in the money.', example: true }) in_the_money: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: 'Time of the last trade, ISO 8601 UTC.', example: '2025-01-21T19:20:02.000Z' })
  last_trade_date: string | null;
}

/** One expiration's chain as fetched at `fetched_at` (the recorded AAPL answer of 2025-02-24). */
export class OptionSnapshotDto {
  @ApiProperty({ description: 'The symbol, upper-case.', example: 'AAPL' }) symbol: string;
  @ApiProperty({ description: 'When the run that stored the snapshot started, ISO 8601 UTC.', example: '2025-02-24T09:24:42.000Z' }) fetched_at: string;
  @number("The underlying's regular-market price in the answer.", 245.55) underlying_price: number | null;
  @ApiProperty({ type: [String], description: 'Every expiration date the provider listed, soonest first (YYYY-MM-DD).', example: ['2025-02-28', '2025-03-07', '2025-03-14'] })
  expiration_dates: string[];
  @ApiProperty({ type: String, nullable: true, description: 'The expiration of these calls and puts (YYYY-MM-DD).', example: '2025-02-28' }) expiration: string | null;
  @ApiProperty({ type: [OptionContractDto] }) calls: OptionContractDto[];
  @ApiProperty({ type: [OptionContractDto] }) puts: OptionContractDto[];
  @ApiSource('chain') source: string;
}

function toContractDto({ last_trade_date, ...values }: OptionContract): OptionContractDto {
  return { ...values, last_trade_date: last_trade_date === null ? null : new Date(last_trade_date).toISOString() };
}

export function toSnapshotDto(symbol: string, snapshot: StoredSnapshot): OptionSnapshotDto {
  return {
    symbol,
    fetched_at: new Date(snapshot.fetched_at).toISOString(),
    underlying_price: snapshot.underlying_price,
    expiration_dates: snapshot.expiration_dates.map(isoDate),
    expiration: snapshot.expiration === null ? null : isoDate(snapshot.expiration),
    calls: snapshot.calls.map(toContractDto),
    puts: snapshot.puts.map(toContractDto),
    source: snapshot.source,
  };
}

import { applyDecorators, BadRequestException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiParam, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { ParseSymbolPipe } from '../market-data/parse-symbol.pipe.js';
import { ErrorDto } from '../scheduler/dto/responses.dto.js';

/** The key prefix a read route looks under when the query names none (the job's default). */
export const DEFAULT_PREFIX = 'scheduled_stock_data';

/** The `{symbol}` path segment, checked against Yahoo's alphabet and upper-cased. */
export const SymbolPath = () => Param('symbol', new ParseSymbolPipe());
export const SymbolParam = () => ApiParam({ name: 'symbol', example: 'AAPL', description: 'Yahoo symbol; case-insensitive.' });

/** The `source` of a stored item in a read answer: the provider that gave it. */
export const ApiSource = (item: string) =>
  ApiProperty({
    description: `The provider that gave the ${item}: yahoo, alpha_vantage, finnhub or polygon (yahoo for one stored before sources were kept).`,
    example: 'yahoo',
  });

/** The 404 of a route over a symbol with nothing stored. */
export const ApiNothingStored = (dataset: string) =>
  ApiNotFoundResponse({ type: ErrorDto, description: `Nothing of ${dataset} is stored for the symbol (under that prefix, and the expiration or time asked for).` });

// The forms the README documents, and no other ISO 8601 form (weeks, ordinal days, basic format).
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/;
export const TIME_FORMS = 'a date YYYY-MM-DD or a date-time YYYY-MM-DDTHH:MM[:SS[.sss]] ending in Z or ±HH:MM';

/** An optional query time: one of {@link TIME_FORMS}, and a real calendar date and time (Date.parse would roll 02-30 over). */
export const QueryTime = (name: string) =>
  applyDecorators(
    IsOptional(),
    Matches(DATE_OR_DATE_TIME, { message: `${name} must be ${TIME_FORMS}` }),
    IsISO8601({ strict: true }, { message: `${name} must be a real calendar date and time` }),
  );

/** Optional inclusive `from` and `to` query fields over `what` (e.g. 'quote time'), for a read route's DTO to extend. */
export function TimeRangeQuery(what: string, example: { from: string; to: string }) {
  class TimeRangeQueryDto {
    @ApiPropertyOptional({ description: `Earliest ${what} (inclusive): ${TIME_FORMS}.`, example: example.from })
    @QueryTime('from')
    from?: string;

    @ApiPropertyOptional({ description: `Latest ${what} (inclusive): ${TIME_FORMS}; a date alone covers that whole day.`, example: example.to })
    @QueryTime('to')
    to?: string;
  }
  return TimeRangeQueryDto;
}

export const MAX_READ_LIMIT = 10_000;
const LIMIT_RULE = `limit must be a whole number from 1 to ${MAX_READ_LIMIT}`;

/** An optional query `limit`: a whole number from 1 to {@link MAX_READ_LIMIT}. */
export const QueryLimit = () =>
  applyDecorators(IsOptional(), Type(() => Number), IsInt({ message: LIMIT_RULE }), Min(1, { message: LIMIT_RULE }), Max(MAX_READ_LIMIT, { message: LIMIT_RULE }));

/** An upper time bound (epoch ms): a date alone means the whole of that day. */
export function upperBound(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(value) + 86_399_999 : Date.parse(value);
}

/** A query's validated `from` and `to` as epoch ms, each optional; a 400 when `from` is after `to`. */
export function timeRange(query: { from?: string; to?: string }): { from?: number; to?: number } {
  const from = query.from ? Date.parse(query.from) : undefined;
  const to = query.to ? upperBound(query.to) : undefined;
  if (from !== undefined && to !== undefined && from > to) throw new BadRequestException('from must not be after to');
  return { from, to };
}

import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from '../scheduler/api-errors.decorator.js';
import { SYMBOL_PATTERN } from '../scheduler/dto/create-job.dto.js';
import { BAR_STORE, type BarStore } from '../storage/bar-store.js';
import { BarDto } from './dto/bar.dto.js';
import { MarketDataQueryDto } from './dto/market-data-query.dto.js';

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class MarketDataController {
  constructor(@Inject(BAR_STORE) private readonly bars: BarStore) {}

  @Get(':symbol')
  @ApiOperation({ summary: 'Stored bars of a symbol, oldest first', description: 'Reads only the requested time range of the series.' })
  @ApiParam({ name: 'symbol', example: 'AAPL', description: 'Yahoo symbol; case-insensitive.' })
  @ApiOkResponse({ type: [BarDto] })
  async get(@Param('symbol') raw: string, @Query() query: MarketDataQueryDto): Promise<BarDto[]> {
    const symbol = raw.toUpperCase();
    if (!SYMBOL_PATTERN.test(symbol)) throw new BadRequestException('symbol must be a Yahoo symbol: 1–20 of A-Z 0-9 . - ^ =');
    const from = query.from ? Date.parse(query.from) : undefined;
    const to = query.to ? endOf(query.to) : undefined;
    if (from !== undefined && to !== undefined && from > to) throw new BadRequestException('from must not be after to');
    const series = { prefix: query.prefix ?? 'scheduled_stock_data', symbol, interval: query.interval ?? '1d' };
    const bars = await this.bars.range(series, from, to);
    return bars.map(({ time, ...values }) => ({ date: new Date(time).toISOString(), ...values }));
  }
}

/** A date-only `to` means the whole of that day. */
function endOf(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(value) + 86_399_999 : Date.parse(value);
}

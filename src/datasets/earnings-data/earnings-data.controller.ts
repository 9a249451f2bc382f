import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, PickType } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { MarketDataQueryDto } from '../historical-prices/dto/market-data-query.dto.js';
import { ApiNothingStored, DEFAULT_PREFIX, SymbolParam, SymbolPath } from '../read-route.js';
import { EarningsDto, toEarningsDto } from './dto/earnings.dto.js';
import { EARNINGS_STORE, type EarningsStore } from './earnings-store.js';

class EarningsQueryDto extends PickType(MarketDataQueryDto, ['prefix'] as const) {}

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class EarningsDataController {
  constructor(@Inject(EARNINGS_STORE) private readonly earnings: EarningsStore) {}

  @Get(':symbol/earnings')
  @ApiOperation({ summary: "A symbol's stored earnings", description: 'Quarterly EPS, oldest first, and the next earnings dates; one store read.' })
  @SymbolParam()
  @ApiOkResponse({ type: EarningsDto, description: 'The quarters and next dates as stored.' })
  @ApiNothingStored('earnings_data')
  async get(@SymbolPath() symbol: string, @Query() query: EarningsQueryDto): Promise<EarningsDto> {
    const prefix = query.prefix ?? DEFAULT_PREFIX;
    const stored = await this.earnings.read({ prefix, symbol });
    if (!stored) throw new NotFoundException(`no earnings_data stored for ${symbol} under prefix ${prefix}`);
    return toEarningsDto(symbol, stored);
  }
}

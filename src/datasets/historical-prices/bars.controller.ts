import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, PickType } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { STORED_SOURCE_DEFAULT } from '../../market-data/bar.js';
import { BAR_STORE, type BarStore } from '../../storage/bar-store.js';
import { BarDto } from './dto/bar.dto.js';
import { CorporateActionDto } from './dto/corporate-action.dto.js';
import { MarketDataQueryDto } from './dto/market-data-query.dto.js';
import { DEFAULT_PREFIX, SymbolParam, SymbolPath, timeRange } from '../read-route.js';

class ActionsQueryDto extends PickType(MarketDataQueryDto, ['prefix'] as const) {}

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class BarsController {
  constructor(@Inject(BAR_STORE) private readonly bars: BarStore) {}

  @Get(':symbol')
  @ApiOperation({ summary: 'Stored bars of a symbol, oldest first', description: 'Reads only the requested time range of the series.' })
  @SymbolParam()
  @ApiOkResponse({ type: [BarDto], description: 'The stored bars in the range, oldest first; empty when there are none.' })
  async get(@SymbolPath() symbol: string, @Query() query: MarketDataQueryDto): Promise<BarDto[]> {
    const { from, to } = timeRange(query);
    const series = { prefix: query.prefix ?? DEFAULT_PREFIX, symbol, interval: query.interval ?? '1d' };
    const bars = await this.bars.range(series, from, to);
    return bars.map(({ time, source = STORED_SOURCE_DEFAULT, ...values }) => ({ date: new Date(time).toISOString(), ...values, source }));
  }

  @Get(':symbol/actions')
  @ApiOperation({ summary: 'Stored splits and dividends of a symbol, oldest first', description: 'Kept from the chart answers of every run.' })
  @SymbolParam()
  @ApiOkResponse({ type: [CorporateActionDto], description: 'The stored splits and dividends, oldest first.' })
  async actions(@SymbolPath() symbol: string, @Query() query: ActionsQueryDto): Promise<CorporateActionDto[]> {
    const actions = await this.bars.actions({ prefix: query.prefix ?? DEFAULT_PREFIX, symbol });
    return actions.map(({ time, ...values }) => ({ date: new Date(time).toISOString(), ...values }));
  }
}

import { Controller, Get, Headers, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, PickType } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { BAR_STORE, type BarStore } from '../../storage/bar-store.js';
import { barsCsv } from './bars-csv.js';
import { BarDto } from './dto/bar.dto.js';
import { BarsQueryDto } from './dto/bars-query.dto.js';
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
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: [BarDto],
    description: 'The stored bars in the range, oldest first; empty when there are none. As CSV (a header line, then date,open,high,low,close,adj_close,volume,source) with format=csv or Accept: text/csv.',
  })
  async get(@SymbolPath() symbol: string, @Query() query: BarsQueryDto, @Headers('accept') accept?: string): Promise<BarDto[] | StreamableFile> {
    const { from, to } = timeRange(query);
    const interval = query.interval ?? '1d';
    const stored = await this.bars.range({ prefix: query.prefix ?? DEFAULT_PREFIX, symbol, interval }, from, to);
    const bars = stored.map(({ time, ...values }) => ({ date: new Date(time).toISOString(), ...values }));
    if ((query.format ?? (accept?.includes('text/csv') ? 'csv' : 'json')) === 'json') return bars;
    return new StreamableFile(barsCsv(bars), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${symbol}-${interval}.csv"` });
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

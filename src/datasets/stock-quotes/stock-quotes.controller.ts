import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { ApiNothingStored, DEFAULT_PREFIX, SymbolParam, SymbolPath, timeRange } from '../read-route.js';
import { QuoteDto, toQuoteDto } from './dto/quote.dto.js';
import { LatestQuotesQueryDto, QuotesQueryDto } from './dto/quotes-query.dto.js';
import { QUOTE_STORE, type QuoteStore } from './quote-store.js';

@ApiTags('market-data')
@ApiCommonErrors()
@ApiExtraModels(QuoteDto)
@Controller('market-data')
export class StockQuotesController {
  constructor(@Inject(QUOTE_STORE) private readonly quotes: QuoteStore) {}

  @Get('quotes/latest')
  @ApiOperation({ summary: 'The newest stored quote of each symbol', description: 'One store round trip for all the symbols; a symbol with no quote stored is absent.' })
  @ApiOkResponse({
    description: 'The newest quote per upper-case symbol.',
    schema: { type: 'object', additionalProperties: { $ref: getSchemaPath(QuoteDto) }},
  })
  async latest(@Query() query: LatestQuotesQueryDto): Promise<Record<string, QuoteDto>> {
    const symbols = [...new Set(query.symbols.map((symbol) => symbol.toUpperCase()))];
    const latest = await this.quotes.latest(query.prefix ?? DEFAULT_PREFIX, symbols);
    return Object.fromEntries(Object.entries(latest).map(([symbol, quote]) => [symbol, toQuoteDto(quote)]));
  }

  @Get(':symbol/quotes')
  @ApiOperation({ summary: 'Stored quotes of a symbol, oldest first', description: 'One entry per distinct quote time; reads only the blocks of the requested range.' })
  @SymbolParam()
  @ApiOkResponse({ type: [QuoteDto], description: 'The stored quotes in the range, oldest first; empty when the range holds none.' })
  @ApiNothingStored('stock_quotes')
  async range(@SymbolPath() symbol: string, @Query() query: QuotesQueryDto): Promise<QuoteDto[]> {
    const { from, to } = timeRange(query);
    const prefix = query.prefix ?? DEFAULT_PREFIX;
    const quotes = await this.quotes.range({ prefix, symbol }, from, to, query.limit);
    if (quotes.length === 0 && !(symbol in (await this.quotes.latest(prefix, [symbol])))) {
      throw new NotFoundException(`no stock_quotes stored for ${symbol} under prefix ${prefix}`);
    }
    return quotes.map(toQuoteDto);
  }
}

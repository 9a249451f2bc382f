import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { ApiNothingStored, DEFAULT_PREFIX, SymbolParam, SymbolPath, upperBound } from '../read-route.js';
import { OptionSnapshotDto, toSnapshotDto } from './dto/option-snapshot.dto.js';
import { OptionsQueryDto } from './dto/options-query.dto.js';
import { OPTIONS_STORE, type OptionsStore } from './options-store.js';

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class OptionsChainController {
  constructor(@Inject(OPTIONS_STORE) private readonly options: OptionsStore) {}

  @Get(':symbol/options')
  @ApiOperation({ summary: "A symbol's stored options chain", description: 'The latest snapshot fetched at or before `at`, of one expiration; one store read.' })
  @SymbolParam()
  @ApiOkResponse({ type: OptionSnapshotDto, description: 'The snapshot, its contracts in the order the provider gave them.' })
  @ApiNothingStored('options_chain')
  async get(@SymbolPath() symbol: string, @Query() query: OptionsQueryDto): Promise<OptionSnapshotDto> {
    const prefix = query.prefix ?? DEFAULT_PREFIX;
    const expiration = query.expiration === undefined ? undefined : Date.parse(query.expiration);
    const at = query.at === undefined ? undefined : upperBound(query.at);
    const snapshot = await this.options.read({ prefix, symbol }, { expiration, at });
    if (!snapshot) {
      const which = `${query.expiration ? ` expiring ${query.expiration}` : ''}${query.at ? ` fetched at or before ${query.at}` : ''}`;
      throw new NotFoundException(`no options_chain snapshot stored for ${symbol}${which} under prefix ${prefix}`);
    }
    return toSnapshotDto(symbol, snapshot);
  }
}

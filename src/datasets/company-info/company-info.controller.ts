import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, PickType } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { MarketDataQueryDto } from '../historical-prices/dto/market-data-query.dto.js';
import { ApiNothingStored, DEFAULT_PREFIX, SymbolParam, SymbolPath } from '../read-route.js';
import { CompanyProfileDto, toProfileDto } from './dto/company-profile.dto.js';
import { PROFILE_STORE, type ProfileStore } from './profile-store.js';

class ProfileQueryDto extends PickType(MarketDataQueryDto, ['prefix'] as const) {}

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class CompanyInfoController {
  constructor(@Inject(PROFILE_STORE) private readonly profiles: ProfileStore) {}

  @Get(':symbol/profile')
  @ApiOperation({ summary: "A symbol's stored company profile", description: 'The latest profile and the history of its changed fields; one store read.' })
  @SymbolParam()
  @ApiOkResponse({ type: CompanyProfileDto, description: 'The profile as last fetched, with every change seen.' })
  @ApiNothingStored('company_info')
  async get(@SymbolPath() symbol: string, @Query() query: ProfileQueryDto): Promise<CompanyProfileDto> {
    const prefix = query.prefix ?? DEFAULT_PREFIX;
    const stored = await this.profiles.read({ prefix, symbol });
    if (!stored) throw new NotFoundException(`no company_info stored for ${symbol} under prefix ${prefix}`);
    return toProfileDto(symbol, stored);
  }
}

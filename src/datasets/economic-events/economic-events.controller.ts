import { Controller, Get, Inject, NotFoundException, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { ErrorDto } from '../../scheduler/dto/responses.dto.js';
import { DEFAULT_PREFIX, timeRange } from '../read-route.js';
import { EconomicEventDto, toEventDto } from './dto/economic-event.dto.js';
import { EconomicEventsQueryDto } from './dto/economic-events-query.dto.js';
import { ECONOMIC_EVENT_STORE, type EconomicEventStore } from './economic-event-store.js';

@ApiTags('market-data')
@ApiCommonErrors()
@Controller('market-data')
export class EconomicEventsController {
  constructor(@Inject(ECONOMIC_EVENT_STORE) private readonly events: EconomicEventStore) {}

  @Get('economic-events')
  @ApiOperation({ summary: 'Stored economic calendar releases, oldest first', description: 'Each release once (revised in place when its actual value arrives); one store read.' })
  @ApiOkResponse({ type: [EconomicEventDto], description: 'The releases of the range and countries, oldest first; empty when the range holds none.' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'No economic_events job has stored anything under the prefix.' })
  async range(@Query() query: EconomicEventsQueryDto): Promise<EconomicEventDto[]> {
    const prefix = query.prefix ?? DEFAULT_PREFIX;
    const events = await this.events.range(prefix, { ...timeRange(query), countries: query.country, limit: query.limit });
    if (events.length === 0 && !(await this.events.has(prefix))) throw new NotFoundException(`no economic_events stored under prefix ${prefix}`);
    return events.map(toEventDto);
  }
}

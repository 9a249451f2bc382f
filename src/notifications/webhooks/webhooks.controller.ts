import { applyDecorators, Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiCommonErrors } from '../../scheduler/api-errors.decorator.js';
import { ErrorDto, MessageDto } from '../../scheduler/dto/responses.dto.js';
import { DeliveriesQueryDto } from './dto/deliveries-query.dto.js';
import { CREATE_WEBHOOK_EXAMPLES, UPDATE_WEBHOOK_EXAMPLES } from './dto/webhook-examples.js';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook-request.dto.js';
import { DeliveryDto, toDeliveryDto, toWebhookDto, WebhookDto, WebhookWithSecretDto } from './dto/webhook-response.dto.js';
import { WebhookDeliveries } from './webhook-deliveries.js';
import { WebhookEndpoints } from './webhook-endpoints.js';

const WebhookId = () => Param('id', new ParseUUIDPipe());
const WebhookRoute = () => applyDecorators(ApiParam({ name: 'id', format: 'uuid', description: 'The id the service gave the webhook.' }));

@ApiTags('webhooks')
@ApiCommonErrors()
@ApiNotFoundResponse({ type: ErrorDto, description: 'No such webhook (or delivery).' })
@Controller('scheduler/webhooks')
export class WebhooksController {
  constructor(
    private readonly endpoints: WebhookEndpoints,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Add a webhook endpoint', description: 'Deliveries are signed as Standard Webhooks; the secret is answered only here.' })
  @ApiBody({ type: CreateWebhookDto, examples: CREATE_WEBHOOK_EXAMPLES })
  @ApiCreatedResponse({ type: WebhookWithSecretDto, description: 'The endpoint, with its signing secret.' })
  async create(@Body() dto: CreateWebhookDto): Promise<WebhookWithSecretDto> {
    return toWebhookDto(await this.endpoints.create(dto), true);
  }

  @Get()
  @ApiOperation({ summary: 'List webhook endpoints' })
  @ApiOkResponse({ type: [WebhookDto], description: 'Every endpoint, without secrets.' })
  async list(): Promise<WebhookDto[]> {
    return (await this.endpoints.list()).map((endpoint) => toWebhookDto(endpoint));
  }

  @Get(':id')
  @WebhookRoute()
  @ApiOperation({ summary: 'Get a webhook endpoint' })
  @ApiOkResponse({ type: WebhookDto, description: 'The endpoint, without its secret.' })
  async get(@WebhookId() id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.endpoints.get(id));
  }

  @Put(':id')
  @WebhookRoute()
  @ApiOperation({ summary: 'Update a webhook endpoint, or rotate its secret', description: 'Only the fields sent change; any update enables an endpoint a 410 disabled.' })
  @ApiBody({ type: UpdateWebhookDto, examples: UPDATE_WEBHOOK_EXAMPLES })
  @ApiOkResponse({ type: WebhookWithSecretDto, description: 'The endpoint; with its new secret when rotate_secret was sent.' })
  async update(@WebhookId() id: string, @Body() dto: UpdateWebhookDto): Promise<WebhookWithSecretDto> {
    return toWebhookDto(await this.endpoints.update(id, dto), dto.rotate_secret === true);
  }

  @Delete(':id')
  @WebhookRoute()
  @ApiOperation({ summary: 'Delete a webhook endpoint', description: 'Its queued deliveries are dropped.' })
  @ApiOkResponse({ type: MessageDto, description: 'Deleted.' })
  async delete(@WebhookId() id: string): Promise<MessageDto> {
    await this.endpoints.delete(id);
    return { message: 'Webhook deleted successfully' };
  }

  @Get(':id/deliveries')
  @WebhookRoute()
  @ApiOperation({ summary: "An endpoint's deliveries, newest first", description: 'The newest 100 are listed, each for 7 days.' })
  @ApiOkResponse({ type: [DeliveryDto], description: 'Status, attempts, last response code and latency of each.' })
  async listDeliveries(@WebhookId() id: string, @Query() query: DeliveriesQueryDto): Promise<DeliveryDto[]> {
    return (await this.deliveries.list(id, query.limit ?? 50)).map(toDeliveryDto);
  }

  @Post(':id/deliveries/:delivery_id/redeliver')
  @WebhookRoute()
  @ApiParam({ name: 'delivery_id', description: 'Its webhook-id.', example: 'msg_2b7c6f0e-0d0a-4b8e-9a52-3c1d2e4f5a6b' })
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a delivery again', description: 'Queued now, with the same webhook-id; its retry schedule starts over.' })
  @ApiAcceptedResponse({ type: MessageDto, description: 'Queued.' })
  async redeliver(@WebhookId() id: string, @Param('delivery_id') deliveryId: string): Promise<MessageDto> {
    await this.deliveries.redeliver(id, deliveryId);
    return { message: 'Delivery queued' };
  }
}

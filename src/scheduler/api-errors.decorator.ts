import { applyDecorators, UseFilters, UseInterceptors, UsePipes, ValidationPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { StoreFaultFilter } from '../storage/store-fault.filter.js';
import { StoreUnavailableFilter } from '../storage/store-unavailable.filter.js';
import { JsonShapeInterceptor } from '../validation/json-shape.interceptor.js';
import { ErrorDto } from './dto/responses.dto.js';

/**
 * What every route of ours shares, standalone or embedded: input too deep or not well-formed
 * Unicode refused before any pipe; 400 for bad input, 503 while the store is unreachable.
 * The routes validate their own input, so a host without a global ValidationPipe (or with other
 * options) gets the same 400s; after a host's transforming pipe this one meets DTO instances, and
 * every transform of ours gives the same value when applied again.
 */
export function ApiCommonErrors(): ClassDecorator {
  return applyDecorators(
    UseInterceptors(JsonShapeInterceptor),
    UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true })),
    UseFilters(StoreUnavailableFilter, StoreFaultFilter),
    ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid input; the message names the field.' }),
    ApiServiceUnavailableResponse({ type: ErrorDto, description: 'The store (Redis) is unreachable or out of memory.' }),
  );
}

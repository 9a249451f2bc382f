import { applyDecorators, UseFilters, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { StoreFaultFilter } from '../storage/store-fault.filter.js';
import { StoreUnavailableFilter } from '../storage/store-unavailable.filter.js';
import { JsonShapeInterceptor } from '../validation/json-shape.interceptor.js';
import { ErrorDto } from './dto/responses.dto.js';

/**
 * What every route of ours shares, standalone or embedded: input too deep or not well-formed
 * Unicode refused before any pipe; 400 for bad input, 503 while the store is unreachable.
 */
export function ApiCommonErrors(): ClassDecorator {
  return applyDecorators(
    UseInterceptors(JsonShapeInterceptor),
    UseFilters(StoreUnavailableFilter, StoreFaultFilter),
    ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid input; the message names the field.' }),
    ApiServiceUnavailableResponse({ type: ErrorDto, description: 'The store (Redis) is unreachable or out of memory.' }),
  );
}

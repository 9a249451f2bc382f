import { applyDecorators, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { StoreUnavailableFilter } from '../storage/store-unavailable.filter.js';
import { ErrorDto } from './dto/responses.dto.js';

/** The error answers every route of ours shares: 400 for bad input, 503 while the store is unreachable. */
export function ApiCommonErrors(): ClassDecorator {
  return applyDecorators(
    UseFilters(StoreUnavailableFilter),
    ApiBadRequestResponse({ type: ErrorDto, description: 'Invalid input; the message names the field.' }),
    ApiServiceUnavailableResponse({ type: ErrorDto, description: 'The store (Redis) is unreachable.' }),
  );
}

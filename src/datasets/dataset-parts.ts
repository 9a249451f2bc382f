import type { Provider, Type } from '@nestjs/common';
import type { DatasetHandler } from './dataset-handler.js';

/** What one dataset folder contributes: its handler, its stores (and anything else it injects), its read routes. */
export interface DatasetParts {
  handler: Type<DatasetHandler>;
  providers: Provider[];
  controllers: Type<unknown>[];
}

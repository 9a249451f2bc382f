import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard.js';

/** The standalone service's API key check; a host app that embeds the module brings its own guards. */
@Module({})
export class SecurityModule {
  static register(apiKey: string | null): DynamicModule {
    return {
      module: SecurityModule,
      providers: apiKey
        ? [{ provide: APP_GUARD, inject: [Reflector], useFactory: (reflector: Reflector) => new ApiKeyGuard(apiKey, reflector) }]
        : [],
    };
  }
}

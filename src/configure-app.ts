import type { INestApplication } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { apiDocument } from './api-document.js';
import { requestLog } from './request-log.middleware.js';
import { applyRateLimit } from './security/rate-limit.js';
import { securityHeaders } from './security/security-headers.js';
import type { AppConfig } from './config/environment.js';

/** Bodies over 100 kB are refused with 413 before they are parsed. */
const BODY_LIMIT_BYTES = 100 * 1024;

// What the API takes, so a browser's preflight allows every route; without them the default is GET,HEAD,POST.
const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];
const CORS_HEADERS = ['Content-Type', 'X-API-Key', 'X-Actor'];

/**
 * The HTTP platform: Fastify, ~3× Express's throughput on the job routes (`npm run bench:api`).
 * Behind a trusted proxy the client address (logs, rate limit) is the one it forwards.
 */
export function httpAdapter(trustProxy = false): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy });
}

/** Everything main.ts applies to the app, shared with the e2e tests so they test the real thing. */
export async function configureApp<App extends INestApplication>(
  app: App,
  config: Pick<AppConfig, 'corsOrigins' | 'rateLimitPerMinute' | 'trustProxy'>,
): Promise<App> {
  app.use(requestLog);
  app.use(securityHeaders(config.trustProxy));
  // The service runs on httpAdapter(); only the benchmark builds an Express app, with the limit off.
  if (config.rateLimitPerMinute > 0) await applyRateLimit(app as unknown as NestFastifyApplication, config.rateLimitPerMinute);
  app.enableCors({ origin: config.corsOrigins, methods: CORS_METHODS, allowedHeaders: CORS_HEADERS });
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, apiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}

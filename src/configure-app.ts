import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { requestLog } from './request-log.middleware.js';
import { apiRateLimit } from './security/rate-limit.js';
import type { AppConfig } from './config/environment.js';

/** Everything main.ts applies to the app, shared with the e2e tests so they test the real thing. */
export function configureApp(app: INestApplication, config: Pick<AppConfig, 'corsOrigins' | 'rateLimitPerMinute'>): INestApplication {
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.use(requestLog);
  app.use(helmet());
  if (config.rateLimitPerMinute > 0) app.use(apiRateLimit(config.rateLimitPerMinute));
  app.enableCors({ origin: config.corsOrigins });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Stock data scheduler')
      .setDescription('Scheduled jobs that fetch Yahoo Finance bars and keep them in Redis.')
      .setVersion('0.1.0')
      .addApiKey({ type: 'apiKey', name: 'X-API-Key', in: 'header' }, 'api-key')
      .addSecurityRequirements('api-key')
      .build(),
  );
  // On Fastify the explorer's assets need @fastify/static, which is not a dependency: only /docs-json there.
  const explorer = app.getHttpAdapter().getType() !== 'fastify';
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', swaggerUiEnabled: explorer });
  return app;
}

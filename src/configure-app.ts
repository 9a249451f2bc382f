import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from './config/environment.js';

/** Everything main.ts applies to the app, shared with the e2e tests so they test the real thing. */
export function configureApp(app: INestApplication, config: Pick<AppConfig, 'corsOrigins'>): INestApplication {
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.enableCors({ origin: config.corsOrigins });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Stock data scheduler')
      .setDescription('Scheduled jobs that fetch Yahoo Finance bars and keep them in Redis.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}

import 'reflect-metadata';
import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { ConfigError, loadAppConfig, type AppConfig } from './config/environment.js';
import { configureApp, httpAdapter } from './configure-app.js';
import { handleUncaughtError } from './uncaught-error.handler.js';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

async function bootstrap(): Promise<void> {
  process.on('uncaughtException', (error) => handleUncaughtError(error));
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // Nest's own logger: JSON lines with job_id / run_id / symbol as fields when LOG_FORMAT=json.
  const logger = new ConsoleLogger({
    logLevels: LEVELS[config.logLevel],
    json: config.logFormat === 'json',
    flattenParams: true,
    redact: ['x-api-key', 'authorization', 'password', 'apiKey'],
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), httpAdapter(), { logger });
  await configureApp(app, config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Bootstrap').log(`Listening on http://localhost:${config.port} (OpenAPI explorer at /docs)`);
}

void bootstrap();

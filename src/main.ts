import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { loadAppConfig, type AppConfig } from './config/environment.js';
import { configureApp, httpAdapter } from './configure-app.js';
import { nodeVersionSupported, supportedNodeRange } from './node-support.js';
import { ServiceLogger, startupFailure } from './startup-failure.js';
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
  const config = loadAppConfig(process.env);
  // Nest's own logger: JSON lines with job_id / run_id / symbol as fields when LOG_FORMAT=json.
  const logger = new ServiceLogger({
    logLevels: LEVELS[config.logLevel],
    json: config.logFormat === 'json',
    flattenParams: true,
    redact: ['x-api-key', 'authorization', 'password', 'apiKey'],
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), httpAdapter(config.trustProxy), { logger, abortOnError: false });
  logger.created();
  await configureApp(app, config);
  await app.listen(config.port, '0.0.0.0');
  const bootLog = new Logger('Bootstrap');
  bootLog.log(`Listening on http://localhost:${config.port} (OpenAPI explorer at /docs), Node ${process.version}`);
  const range = supportedNodeRange();
  // yahoo-finance2 prints its own "Unsupported environment" below Node 22; this line says what the project supports
  if (!nodeVersionSupported(process.versions.node, range)) bootLog.warn(`Node ${process.version} is outside the supported range ${range} (package.json engines)`);
}

bootstrap().catch((error: unknown) => {
  console.error(startupFailure(error, Number(process.env.PORT ?? 8001)));
  process.exit(1);
});

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

// Health probes need no key and are never rate limited (security/public.decorator.ts, security/rate-limit.ts).
const UNGUARDED_PATHS = new Set(['/health']);

const errorAnswer = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorDto' } } } });

/**
 * The standalone service's OpenAPI document. The API key and the rate limit are this app's, not the
 * module's (a host brings its own), so their 401 and 429 answers are added here rather than on the
 * controllers; the unguarded routes drop the document's security requirement.
 */
export function apiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Stock data scheduler')
      .setDescription('Scheduled jobs that fetch Yahoo Finance bars and keep them in Redis.')
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'This service')
      .addApiKey({ type: 'apiKey', name: 'X-API-Key', in: 'header' }, 'api-key')
      .addSecurityRequirements('api-key')
      .build(),
  );
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const operation of Object.values(methods)) {
      if (UNGUARDED_PATHS.has(path)) {
        operation.security = [];
        continue;
      }
      operation.responses['401'] = errorAnswer('API_KEY is set and the X-API-Key header is missing or wrong.');
      operation.responses['429'] = errorAnswer('Over API_RATE_LIMIT requests this minute from this client; RateLimit-* headers say when to retry.');
    }
  }
  return document;
}

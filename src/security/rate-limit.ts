import rateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Requests per minute per client address (@fastify/rate-limit); the health check is exempt so a
 * load balancer's probes never starve. It runs as a Fastify hook, before Nest routes the request.
 */
export async function applyRateLimit(app: NestFastifyApplication, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    enableDraftSpec: true,
    allowList: (request) => request.url.split('?')[0] === '/health',
    // What the builder returns is thrown: an HttpException gets Nest's usual error body.
    errorResponseBuilder: () =>
      new HttpException(
        { statusCode: HttpStatus.TOO_MANY_REQUESTS, message: `Too many requests: at most ${perMinute} per minute`, error: 'Too Many Requests' },
        HttpStatus.TOO_MANY_REQUESTS,
      ),
  });
}

import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';

/**
 * Requests per minute per client address (express-rate-limit); the health check is exempt so a
 * load balancer's probes never starve. @nestjs/throttler is CommonJS and cannot load NestJS 12's
 * ESM packages under jest on Node 20, so the limit sits in front of Nest as Express middleware.
 */
export function apiRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.path === '/health',
    handler: (_req, res) =>
      res.status(429).json({ statusCode: 429, message: `Too many requests: at most ${perMinute} per minute`, error: 'Too Many Requests' }),
  });
}

import { Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

const logger = new Logger('HTTP');

/** What Express and Fastify (through @fastify/middie) both put on the Node request a middleware sees. */
type MiddlewareRequest = IncomingMessage & { ip?: string; originalUrl?: string };

/** Probed every few seconds by load balancers and orchestrators: logged at debug level only. */
const PROBES = new Set(['/health']);

/**
 * One line per request: method, path, status, duration and client address. The query string and
 * the headers are left out on purpose: they are where keys and tokens travel. Plain Node
 * request/response, so it runs on the Express and the Fastify platform alike.
 */
export function requestLog(req: MiddlewareRequest, res: ServerResponse, next: () => void): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const duration_ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
    const path = (req.originalUrl ?? req.url ?? '').split('?', 1)[0];
    const level = PROBES.has(path) ? 'debug' : 'log';
    logger[level](`${req.method} ${path} ${res.statusCode} ${duration_ms} ms`, {
      method: req.method,
      path,
      status: res.statusCode,
      duration_ms,
      client: req.ip ?? req.socket.remoteAddress,
    });
  });
  next();
}

import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('HTTP');

/**
 * One line per request: method, path, status, duration and client address. The query string and
 * the headers are left out on purpose: they are where keys and tokens travel.
 */
export function requestLog(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const duration_ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
    logger.log(`${req.method} ${req.path} ${res.statusCode} ${duration_ms} ms`, {
      method: req.method,
      path: req.path,
      status: res.statusCode,
      duration_ms,
      client: req.ip,
    });
  });
  next();
}

import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { IS_PUBLIC } from './public.decorator.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Requires `X-API-Key` on every route not marked {@link Public}. Both sides are hashed first, so
 * the comparison is constant-time and its length tells nothing about the key.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    apiKey: string,
    private readonly reflector: Reflector,
  ) {
    this.expected = digest(apiKey);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['x-api-key'];
    const given = Array.isArray(header) ? header[0] : header;
    if (given !== undefined && timingSafeEqual(digest(given), this.expected)) return true;
    throw new UnauthorizedException('Missing or invalid X-API-Key header');
  }
}

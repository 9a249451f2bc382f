import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * Who makes a change, for the audit trail: the caller's own `X-Actor` header (trimmed to 100
 * printable characters), else its address. The API key is never used: it would end up in Redis.
 */
export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; ip?: string }>();
  const header = request.headers['x-actor'];
  const named = typeof header === 'string' ? header.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 100) : '';
  return named || `ip:${request.ip ?? 'unknown'}`;
});

import { BadRequestException, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { findShapeProblem, MAX_JSON_DEPTH } from './json-shape.js';

const PARTS = ['body', 'query', 'params'] as const;

/**
 * Refuses input nested deeper than {@link MAX_JSON_DEPTH} or holding text that is not well-formed
 * Unicode, with a 400 naming the field. An interceptor because interceptors run before every pipe,
 * a host app's global ValidationPipe included: class-transformer would overflow the stack on deep
 * input, and nothing downstream (the stores' Lua) should be the first to meet a lone surrogate.
 */
@Injectable()
export class JsonShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Partial<Record<(typeof PARTS)[number], unknown>>>();
    for (const part of PARTS) {
      const found = findShapeProblem(request[part]);
      if (!found) continue;
      const where = found.path || `request ${part}`;
      throw new BadRequestException(
        found.problem === 'too deep'
          ? `request ${part} must not nest deeper than ${MAX_JSON_DEPTH} levels (at ${where})`
          : `${where} must be well-formed Unicode (it holds a lone surrogate)`,
      );
    }
    return next.handle();
  }
}

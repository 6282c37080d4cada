import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Refuses a page's request that the per-IP limiter found over its limit (createHttpApp's limiter
 * keeps the refusal on the request), so that WebExceptionFilter answers it like any refusal: a
 * form again with the sentence beside it, or a Swedish page with Retry-After.
 */
@Injectable()
export class BegransningGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const refusal = context.switchToHttp().getRequest<FastifyRequest>().rateLimitRefusal;
    if (refusal) throw refusal;
    return true;
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error';
import { SAFE_METHODS } from './safe-methods';

const JSON_ONLY = ['application/json'];
/** The metadata key `@ApiConsumes` writes (@nestjs/swagger does not export its constants; the form route of request-forgery.int-spec.ts fails when it changes). */
export const API_CONSUMES_KEY = 'swagger/apiConsumes';

export const unsupportedMediaType = (given: string, accepted: readonly string[]) =>
  new DomainError('UNSUPPORTED_MEDIA_TYPE', { given, accepted });

/**
 * A route takes the media types its OpenAPI description declares (`@ApiConsumes`), and
 * application/json when it declares none: so the documentation and what is accepted cannot
 * drift apart. Checked for every request that may carry a body and names a Content-Type, even an
 * empty one, because a browser sends url-encoded, text/plain and multipart forms from any site
 * without asking. A POST without a body and without Content-Type (`…/skicka`) passes.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(req.method)) return true;
    const type = req.headers['content-type'] ?? (hasBody(req) ? '' : undefined);
    if (type === undefined) return true;
    const accepted =
      this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? JSON_ONLY;
    const essence = type.split(';')[0].trim().toLowerCase();
    if (!accepted.includes(essence)) throw unsupportedMediaType(essence, accepted);
    return true;
  }
}

const hasBody = (req: FastifyRequest) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * A media type that no parser reads (or a body without Content-Type) is left unread, for
 * MediaTypeGuard to refuse: only the route knows what it would have taken, and Fastify's own 415
 * has no Swedish text.
 */
export function leaveUnknownMediaTypesToTheGuard(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
}

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor } from '../actor';

/** What SessionGuard learnt about the caller: who, and the session's CSRF token. */
export type RequestWithActor = FastifyRequest & { actor?: Actor; csrfToken?: string };

/** The signed-in caller, set by SessionGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});

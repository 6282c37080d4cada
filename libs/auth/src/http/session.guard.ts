import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, forbidden, IS_PUBLIC } from '@app/core';
import { Roll } from '@app/database';
import { AuthService } from '../auth.service';
import { CSRF_HEADER, CSRF_I_MULTIPART, CsrfRequest, verifyCsrfToken } from './csrf-token';
import { RequestWithActor } from './current-actor.decorator';
import { ROLLER_KEY } from './roller.decorator';
import { sessionToken } from './session-cookie';

const UNAUTHENTICATED = new DomainError('UNAUTHENTICATED');

/**
 * Global guard: every route needs a live session unless marked @Public(), and the roles named by
 * @Roller(); an unsafe request must also carry the session's CSRF token (csrf-token.ts).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const token = sessionToken(req);
    const session = token ? await this.auth.authenticate(token) : null;
    if (!session) throw UNAUTHENTICATED;
    const iMultipart =
      typeof req.isMultipart === 'function' &&
      req.isMultipart() &&
      req.headers[CSRF_HEADER] === undefined &&
      this.reflector.getAllAndOverride<boolean>(CSRF_I_MULTIPART, targets);
    if (iMultipart) (req as CsrfRequest).csrfIMultipart = true;
    else verifyCsrfToken(req, session.csrfToken);
    const { actor } = session;
    req.actor = actor;
    req.csrfToken = session.csrfToken;
    const roller = this.reflector.getAllAndOverride<Roll[] | undefined>(ROLLER_KEY, targets);
    if (roller?.length && !actor.hasRole(...roller))
      throw forbidden(`This needs one of the roles ${roller.join(', ')}`);
    return true;
  }
}

import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'remiss_session';

/** httpOnly and SameSite=Lax always; Secure whenever the request came over https (directly or via the proxy). */
export function setSessionCookie(req: FastifyRequest, res: FastifyReply, token: string, ttlMs: number): void {
  res.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: '/',
    maxAge: Math.floor(ttlMs / 1000),
  });
}

export function clearSessionCookie(req: FastifyRequest, res: FastifyReply): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/' });
}

export function sessionToken(req: FastifyRequest): string | undefined {
  const value = req.cookies[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

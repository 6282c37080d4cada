import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'remiss_session';

/** httpOnly and SameSite=Lax always; Secure whenever the request came over https (directly or via the proxy). */
export function setSessionCookie(req: Request, res: Response, token: string, ttlMs: number): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: ttlMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

export function sessionToken(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

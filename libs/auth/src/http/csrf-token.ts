import { DomainError, SAFE_METHODS } from '@app/core';
import { SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Header that API clients and multipart uploads carry the token in (a page's upload form, which cannot set one, sends it as its first part: CsrfIFormulardel). */
export const CSRF_HEADER = 'x-csrf-token';
/** Form field that server-rendered forms carry the token in (read from a parsed url-encoded body). */
export const CSRF_FIELD = '_csrf';

export const CSRF_TOKEN_INVALID = new DomainError('CSRF_TOKEN_INVALID', { formField: CSRF_FIELD });

const CSRF_I_FORMULARDEL = 'csrfIFormulardel';

/**
 * A page's upload form cannot set a header, and its multipart body is read only after the guards:
 * on a route so marked, a multipart request without the header has its token checked by the
 * upload interceptor, as the body's first part `_csrf`, before any file is read
 * (`verifyCsrfFormulardel`). Every other route, and this one for any other body, checks as before.
 */
export const CsrfIFormulardel = () => SetMetadata(CSRF_I_FORMULARDEL, true);

/** Does this route take the token as the first part of a multipart body? */
export const csrfIFormulardel = (reflector: Reflector, targets: Parameters<Reflector['getAllAndOverride']>[1]) =>
  reflector.getAllAndOverride<boolean | undefined>(CSRF_I_FORMULARDEL, targets) === true;

/** The token a multipart body's first part must carry (set by SessionGuard on a CsrfIFormulardel route). */
export type CsrfRequest = FastifyRequest & { csrfForvantad?: string };

/**
 * For an upload interceptor: a part of the body of a request whose token is still expected. The
 * first part must be `_csrf` with the session's token; anything else first is refused, so no file is
 * read for a forged request. Returns true when the part was the token (and is consumed).
 */
export function verifyCsrfFormulardel(
  req: CsrfRequest,
  part: { type: string; fieldname: string; value?: unknown },
): boolean {
  const expected = req.csrfForvantad;
  if (expected === undefined) return false;
  if (part.type !== 'field' || part.fieldname !== CSRF_FIELD || typeof part.value !== 'string')
    throw CSRF_TOKEN_INVALID;
  if (!sameToken(part.value, expected)) throw CSRF_TOKEN_INVALID;
  req.csrfForvantad = undefined;
  return true;
}

/**
 * A request authenticated by the session cookie that changes something must prove it comes from
 * the platform's own pages or a client that signed in: the browser attaches the cookie to a forged
 * cross-site request too, but no other site can read the token. The form field is removed from
 * the body, so validation (which refuses unknown fields) never sees it.
 */
export function verifyCsrfToken(req: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const header = req.headers[CSRF_HEADER];
  let given = typeof header === 'string' ? header : undefined;
  const body = req.body as Record<string, unknown> | undefined;
  if (body !== null && typeof body === 'object' && CSRF_FIELD in body) {
    const field = body[CSRF_FIELD];
    delete body[CSRF_FIELD];
    given ??= typeof field === 'string' ? field : undefined;
  }
  if (!given || !sameToken(given, expected)) throw CSRF_TOKEN_INVALID;
}

/** Constant time: both sides are hashed first, so not even their lengths decide how long it takes. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Swagger UI's request interceptor, so "Try it out" works with a cookie session: an unsafe request
 * fetches the session's token from /api/auth/me and sends it. Swagger serialises this function's
 * source into the page, so it may use nothing from outside itself.
 */
export async function swaggerUiCsrfToken(request: { method: string; headers: Record<string, string> }) {
  if (!/^(GET|HEAD|OPTIONS)$/i.test(request.method)) {
    const me = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (me.ok) request.headers['X-CSRF-Token'] = ((await me.json()) as { csrfToken: string }).csrfToken;
  }
  return request;
}

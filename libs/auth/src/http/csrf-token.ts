import { SetMetadata } from '@nestjs/common';
import { DomainError, SAFE_METHODS } from '@app/core';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Header that API clients and multipart uploads carry the token in (a multipart body is read only after the guards). */
export const CSRF_HEADER = 'x-csrf-token';
/** Form field that server-rendered forms carry the token in (read from a parsed url-encoded body). */
export const CSRF_FIELD = '_csrf';

export const CSRF_TOKEN_INVALID = new DomainError('CSRF_TOKEN_INVALID', { formField: CSRF_FIELD });

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

/**
 * A page's multipart form (an upload without script) cannot send the header, and its body is read
 * only after the guards. On a route marked with this, a multipart request without the header
 * leaves the check to the route's reader of the body, which must find the token as the form's
 * first part `_csrf`, before any file is read (`verifyCsrfPart`).
 */
export const CSRF_I_MULTIPART = 'remiss:csrf-i-multipart';
export const CsrfIMultipart = () => SetMetadata(CSRF_I_MULTIPART, true);

/** Marks a request whose token the body's reader still has to check (set by SessionGuard). */
export type CsrfRequest = FastifyRequest & { csrfToken?: string; csrfIMultipart?: boolean };

/** The upload reader's check: the first part of the form, the session's token; anything else is refused. */
export function verifyCsrfPart(req: CsrfRequest, part: { type: string; fieldname: string; value?: unknown }): void {
  if (!req.csrfIMultipart) return;
  const given = part.type === 'field' && part.fieldname === CSRF_FIELD ? part.value : undefined;
  if (typeof given !== 'string' || !req.csrfToken || !sameToken(given, req.csrfToken)) throw CSRF_TOKEN_INVALID;
  req.csrfIMultipart = false;
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

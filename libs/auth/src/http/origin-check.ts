import { DomainError, SAFE_METHODS } from '@app/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const CROSS_ORIGIN_REFUSED = new DomainError('CROSS_ORIGIN_REFUSED');

/**
 * Refuses a POST, PUT, PATCH or DELETE that a browser sent from another origin — another site,
 * and also another origin of the same site (another port or subdomain), whose requests carry our
 * SameSite=Lax cookie. `Sec-Fetch-Site` decides when the browser sends it (the browser computes
 * it, so PUBLIC_URL cannot be misconfigured into it); otherwise `Origin` must be PUBLIC_URL's
 * origin, or, without PUBLIC_URL, the request's own. A request with neither header does not come
 * from a browser page (curl, server-to-server clients) and passes: the session's CSRF token
 * (SessionGuard) still stands behind this for cookie sessions.
 */
export function refuseCrossOriginRequests(fastify: FastifyInstance, publicUrl: string | undefined): void {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  fastify.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined) {
      if (site === 'same-origin' || site === 'none') return;
      throw CROSS_ORIGIN_REFUSED;
    }
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (origin !== (publicOrigin ?? ownOrigin(req))) throw CROSS_ORIGIN_REFUSED;
  });
}

/** The origin the request was addressed to (behind TRUST_PROXY, as the proxy says). */
function ownOrigin(req: FastifyRequest): string | undefined {
  try {
    return new URL(`${req.protocol}://${req.host}`).origin;
  } catch {
    return undefined;
  }
}

import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * What a response of the API may do in a browser: nothing. It is JSON or a PDF, never a page, so
 * it may load nothing, run nothing and be framed by no one.
 */
const API_POLICY = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/**
 * The Swagger UI at /api/docs is the one page: its scripts and styles come from /api/docs itself;
 * its HTML carries an inline <style> and the UI sets style attributes, and its icons are data: URLs.
 */
const DOCS_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The web pages (every path outside /api): their own styles, scripts and fonts only, no inline
 * script or style, forms only to the platform, never framed. A PDF they link to sets its own.
 */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** A year, as OWASP recommends; sent only over https, so a plain-http test or intranet set-up is never locked out. */
const HSTS = 'max-age=31536000; includeSubDomains';

const HELMET: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
  hsts: false,
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
};

/** Headers of the probe's response that describe that response, not the platform's policy. */
const OF_THE_PROBE = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
const isDocsPage = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs?');

/**
 * The headers helmet chooses for these options, asked once at start from a probe instance:
 * registered on the app, @fastify/helmet rebuilds its middleware on every request, which cost
 * about three times what setting the same fixed headers costs (figures in docs/architecture.md).
 */
async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = new FastifyAdapter().getInstance();
  await probe.register(fastifyHelmet, HELMET);
  probe.get('/', async () => '');
  const { headers } = await probe.inject('/');
  await probe.close();
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !OF_THE_PROBE.has(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

/**
 * Headers of every response: helmet's (the CSP above, nosniff, `Referrer-Policy: no-referrer` —
 * personal links carry their token in the path —, no framing, same-origin resource and opener
 * policies); `Cache-Control: no-store`, because every answer of the API is someone's data
 * (drafts, previews, personal links) and none may stay in a shared or browser cache; and HSTS when
 * the request came over https (directly, or per X-Forwarded-Proto behind TRUST_PROXY). They are
 * set when the request arrives, so a route that sets one of them itself (a PDF's own CSP or
 * disposition) overrides it.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  const headers = Object.freeze({ ...(await helmetHeaders()), 'cache-control': 'no-store' });
  const docsHeaders = Object.freeze({ ...headers, 'content-security-policy': DOCS_POLICY });
  const pageHeaders = Object.freeze({ ...headers, 'content-security-policy': PAGE_POLICY });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      reply.headers(isDocsPage(req.url) ? docsHeaders : isApi(req.url) ? headers : pageHeaders);
      if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
      done();
    });
}

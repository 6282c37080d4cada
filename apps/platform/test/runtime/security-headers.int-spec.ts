import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, DynamicModule, Get, Module, Res } from '@nestjs/common';
import { AppConfig, Public } from '@app/core';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import type { FastifyReply } from 'fastify';
import { PlatformModule } from '../../src/platform.module';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';

/** A route that chooses its own caching and policy, as a PDF route may. */
@Controller('test/egna-huvuden')
class EgnaHuvudenController {
  @Public()
  @Get()
  get(@Res({ passthrough: true }) res: FastifyReply) {
    res.header('Cache-Control', 'private, max-age=60').header('Content-Security-Policy', 'sandbox');
    return { ok: true };
  }
}

@Module({})
class PlatformMedEgnaHuvuden {
  static forRoot(config: AppConfig, location: { databaseUrl: string; redisUrl: string }): DynamicModule {
    return {
      module: PlatformMedEgnaHuvuden,
      imports: [PlatformModule.forRoot(config, location)],
      controllers: [EgnaHuvudenController],
    };
  }
}

const API_POLICY = "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'";

/** What every response carries, whatever it is. */
function expectSecurityHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('content-security-policy')).toBeTruthy();
  expect(headers.get('strict-transport-security')).toBeNull(); // plain http here
}

describe('security headers and caching of every response', () => {
  let t: TestApp;
  let ks: ApiClient;
  let demo: DemoRemiss;

  beforeAll(async () => {
    t = await startTestApp(PlatformMedEgnaHuvuden.forRoot, { config: { TRUST_PROXY: 'true' } });
    demo = await demoRemissMedHandling(t.db.url);
    ks = await t.as('remissansvarig@enkoping.demo');
  });
  afterAll(() => t.close());

  it('a JSON response: may load and run nothing, framed by no one, never stored', async () => {
    const res = await ks.get('/api/auth/me');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res.headers);
    expect(res.headers.get('content-security-policy')).toBe(API_POLICY);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('an uploaded PDF is an attachment, sandboxed, with the same headers', async () => {
    const res = await ks.get(`/api/remisser/${demo.remissId}/handlingar/${demo.remisshandlingId}/fil`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''policy.pdf");
    expectSecurityHeaders(res.headers);
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
  });

  it.each([
    ['401 of a route that needs a session', () => t.anonymous().get('/api/auth/me'), 401],
    ['404 of an unknown route', () => t.anonymous().get('/api/finns-inte'), 404],
    [
      '403 of a cross-origin write, refused before any route runs',
      () => t.anonymous().post('/api/auth/login', {}, { origin: 'https://angripare.example' }),
      403,
    ],
    [
      '415 of a media type no parser reads',
      () => t.anonymous().post('/api/auth/login', '<x/>', { 'content-type': 'application/xml' }),
      415,
    ],
  ])('an error response (%s) carries them too', async (_case, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.statusCode).toBe(status);
    expectSecurityHeaders(res.headers);
    expect(res.headers.get('content-security-policy')).toBe(API_POLICY);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('the docs page gets the policy the Swagger UI needs; its assets and the OpenAPI JSON the same headers', async () => {
    const page = await t.anonymous().get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectSecurityHeaders(page.headers);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    for (const path of ['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui-init.js', '/api/docs/swagger-ui.css']) {
      const asset = await t.anonymous().get(path);
      expect([path, asset.status]).toEqual([path, 200]);
      expectSecurityHeaders(asset.headers);
    }
    const json = await t.anonymous().get('/api/docs-json');
    expect(json.status).toBe(200);
    expectSecurityHeaders(json.headers);
    expect(json.headers.get('content-security-policy')).toBe(API_POLICY);
  });

  it('HSTS only when the request came over https (here per X-Forwarded-Proto, TRUST_PROXY is on)', async () => {
    const https = await t.anonymous().get('/health/live', { 'x-forwarded-proto': 'https' });
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect((await t.anonymous().get('/health/live')).headers.get('strict-transport-security')).toBeNull();
  });

  it('a route that sets a header of its own keeps it', async () => {
    const res = await t.anonymous().get('/test/egna-huvuden');
    expect(res.headers.get('cache-control')).toBe('private, max-age=60');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { Webbklient } from '@app/web/testing/webbklient';
import { NamndServiceModule } from '../../namnd-service/src/namnd-service.module';
import { RemissServiceModule } from '../../remiss-service/src/remiss-service.module';

// The separately deployed HTTP services compose the same libraries as the platform; a missing
// provider would only show when the service starts, so each is started here as in production.
describe.each([
  ['remiss-service', RemissServiceModule.forRoot, '/api/remisser?page=1', 'remissansvarig@enkoping.demo'],
  ['namnd-service', NamndServiceModule.forRoot, null, 'un.sekreterare@enkoping.demo'],
] as const)('%s', (_name, module, path, epost) => {
  it('starts, is ready and serves its API to a signed-in user', async () => {
    const t = await startTestApp((config, location) => module(config, { ...location, stop: async () => undefined }));
    try {
      const ready = await t.anonymous().get('/health/ready');
      expect(ready.status).toBe(200);
      const client = await t.as(epost);
      const me = await client.get('/api/auth/me');
      const route = path ?? `/api/enheter/${me.body.roller[0].enhetId}/inkorg`;
      const res = await client.get(route);
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});

// The proxy (.docker/Caddyfile) sends every page to namnd-service: the sender's, the registrator's and
// the admin's pages must be there, not only the nämnd's.
describe('namnd-service serves every page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp((config, location) =>
      NamndServiceModule.forRoot(config, { ...location, stop: async () => undefined }),
    );
  });
  afterAll(() => t?.close());

  it.each([
    ['remissansvarig@enkoping.demo', '/remisser', 'Remisser'],
    ['un.sekreterare@enkoping.demo', '/inkorg', 'Inkorg'],
    ['registrator@enkoping.demo', '/diarium', 'Diarium'],
    ['admin@enkoping.demo', '/admin', 'Administration'],
  ])('%s gets %s', async (epost, path, titel) => {
    const sida = await (await Webbklient.signIn(t.url, epost)).get(path);
    expect(sida.status).toBe(200);
    expect(sida.titel).toContain(titel);
  });
});

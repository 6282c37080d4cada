import { describe, expect, it } from '@jest/globals';
import { startTestApp } from '@app/runtime/testing/test-app';
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

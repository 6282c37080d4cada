import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, sql, TestDatabase } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { SettableClock } from '@app/core';
import { withClock } from '@app/runtime/testing/with-clock';
import { ApiClient, startTestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

describe('login and sessions', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('refuses a wrong password with 401 and a message, and creates no session', async () => {
    const t = await startTestApp(PlatformModule.forRoot, { db });
    try {
      const res = await t
        .anonymous()
        .post('/api/auth/login', { epost: 'un.sekreterare@enkoping.demo', losenord: 'fel-lösenord' });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Wrong e-mail address or password',
        meddelande: 'Fel e-postadress eller lösenord',
      });
      expect(res.headers.getSetCookie()).toEqual([]);
      const unknown = await t
        .anonymous()
        .post('/api/auth/login', { epost: 'ingen@enkoping.demo', losenord: DEMO_PASSWORD });
      expect(unknown.status).toBe(401);
      expect(await sql(db.url, 'SELECT count(*)::int AS n FROM session')).toEqual([{ n: 0 }]);
    } finally {
      await t.close();
    }
  });

  it('sets an httpOnly SameSite=Lax cookie, and the session survives a restart of the app', async () => {
    const first = await startTestApp(PlatformModule.forRoot, { db });
    const client = new ApiClient(first.url);
    const login = await client.post('/api/auth/login', {
      epost: 'UN.Sekreterare@enkoping.demo',
      losenord: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.namn).toBe('Anna Berg');
    const cookie = login.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^remiss_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; Secure is set behind https
    expect(cookie).toMatch(/Max-Age=43200(;|$)/); // SESSION_TTL_HOURS = 12, in seconds
    await first.close();

    const second = await startTestApp(PlatformModule.forRoot, { db });
    try {
      const again = new ApiClient(second.url, client.sessionCookie);
      const me = await again.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.epost).toBe('un.sekreterare@enkoping.demo');
      expect(me.body.roller).toEqual([expect.objectContaining({ roll: 'namndsekreterare' })]);

      expect((await again.post('/api/auth/logout')).status).toBe(204);
      expect((await again.get('/api/auth/me')).status).toBe(401);
    } finally {
      await second.close();
    }
  });

  it('marks the cookie Secure when the request came over https through the proxy', async () => {
    const t = await startTestApp(PlatformModule.forRoot, { db, config: { TRUST_PROXY: 'true' } });
    try {
      const res = await t
        .anonymous()
        .post(
          '/api/auth/login',
          { epost: 'un.sekreterare@enkoping.demo', losenord: DEMO_PASSWORD },
          { 'x-forwarded-proto': 'https' },
        );
      expect(res.status).toBe(200);
      expect(res.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await t.close();
    }
  });

  it('ends a session at its expiry: 401 from then on', async () => {
    const t = await startTestApp(PlatformModule.forRoot, { db });
    try {
      const client = await t.as('un.sekreterare@enkoping.demo');
      expect((await client.get('/api/auth/me')).status).toBe(200);
      await sql(db.url, `UPDATE session SET expires_at = now() - interval '1 second'`);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(401);
      expect(me.body.code).toBe('UNAUTHENTICATED');
    } finally {
      await t.close();
    }
  });

  it('ends a session SESSION_MAX_HOURS after login even while it is in use (idle limit 2 h, absolute 5 h)', async () => {
    const clock = new SettableClock(new Date());
    const t = await startTestApp(withClock(PlatformModule.forRoot, clock), {
      db,
      config: { SESSION_TTL_HOURS: '2', SESSION_MAX_HOURS: '5' },
    });
    const timme = 3600_000;
    try {
      const client = await t.as('sn.sekreterare@enkoping.demo');
      // Used every 1.5 hours: each use slides the idle expiry, which alone would keep it alive for ever.
      for (const efter of [1.5, 3, 4.5]) {
        clock.advance(1.5 * timme);
        expect([efter, (await client.get('/api/auth/me')).status]).toEqual([efter, 200]);
      }
      const [session] = await sql(
        db.url,
        `SELECT extract(epoch FROM s.expires_at - s.created_at)::int AS sekunder FROM session s JOIN anvandare a ON a.id = s.anvandare_id WHERE a.epost = 'sn.sekreterare@enkoping.demo'`,
      );
      expect(session.sekunder).toBe(5 * 3600); // the slide stopped at the absolute end, not at 4.5 h + 2 h
      clock.advance(0.5 * timme - 2000);
      expect((await client.get('/api/auth/me')).status).toBe(200);
      clock.advance(2000);
      const me = await client.get('/api/auth/me');
      expect([me.status, me.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      // Signing in again starts a new session.
      expect((await (await t.as('sn.sekreterare@enkoping.demo')).get('/api/auth/me')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('answers 401 without a session, on every API route', async () => {
    const t = await startTestApp(PlatformModule.forRoot, { db });
    try {
      const res = await t.anonymous().get('/api/organisation');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    } finally {
      await t.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, DynamicModule, HttpCode, Module, Post } from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import { AppConfig, stockholmDatum, workingDaysAfter } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DEMO_PASSWORD } from '@app/demo';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { IsString, MaxLength } from 'class-validator';
import { PlatformModule } from '../../src/platform.module';
import { Actor, CurrentActor } from '@app/auth';

class NamnDto {
  @IsString()
  @MaxLength(100)
  namn!: string;
}

/** A route as the web UI's forms will have: url-encoded, with the CSRF token as the field _csrf. */
@Controller('test/formular')
class FormularController {
  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  send(@CurrentActor() actor: Actor, @Body() body: NamnDto) {
    return { namn: body.namn, av: actor.epost };
  }
}

@Module({})
class PlatformMedFormular {
  static forRoot(config: AppConfig, location: { databaseUrl: string; redisUrl: string }): DynamicModule {
    return {
      module: PlatformMedFormular,
      imports: [PlatformModule.forRoot(config, location)],
      controllers: [FormularController],
    };
  }
}

const SVENSKA_415 = /^Innehållstypen .+ tas inte emot här; skicka application\/json\.$/;

describe('unsafe requests: media types, origin and the CSRF token (real PostgreSQL)', () => {
  let t: TestApp;
  let ks: ApiClient;
  const svarsdatum = workingDaysAfter(stockholmDatum(new Date()), 25);
  const remiss = (arendemening = 'Remiss om skolskjuts') => JSON.stringify({ arendemening, svarsdatum });
  const remissCount = async () => (await sql(t.db.url, 'SELECT count(*)::int AS n FROM remiss'))[0].n as number;

  /** A raw request with KS's session cookie and exactly the headers given. */
  const raw = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
    fetch(`${t.url}${path}`, { method: 'POST', ...init, headers: { cookie: ks.sessionCookie!, ...init.headers } }).then(
      async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }),
    );

  beforeAll(async () => {
    t = await startTestApp(PlatformMedFormular.forRoot);
    ks = await t.as('remissansvarig@enkoping.demo');
  });
  afterAll(() => t.close());

  describe('JSON routes take application/json only', () => {
    it.each([
      ['text/plain', 'text/plain', remiss()],
      ['url-encoded', 'application/x-www-form-urlencoded', `arendemening=Remiss&svarsdatum=${svarsdatum}`],
      [
        'multipart',
        'multipart/form-data; boundary=x',
        `--x\r\nContent-Disposition: form-data; name="arendemening"\r\n\r\nRemiss\r\n--x--\r\n`,
      ],
      ['XML, which no parser reads', 'application/xml', '<remiss/>'],
    ])('%s → 415 UNSUPPORTED_MEDIA_TYPE with the Swedish text, nothing written', async (_case, type, body) => {
      const before = await remissCount();
      const res = await raw('/api/remisser', {
        body,
        headers: { 'content-type': type, 'x-csrf-token': ks.sessionCsrfToken! },
      });
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('application/json'),
        meddelande: expect.stringMatching(SVENSKA_415),
      });
      expect(await remissCount()).toBe(before);
    });

    it('a body without Content-Type → 415, nothing written', async () => {
      const before = await remissCount();
      const res = await raw('/api/remisser', {
        body: new TextEncoder().encode(remiss()),
        headers: { 'x-csrf-token': ks.sessionCsrfToken! },
      });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await remissCount()).toBe(before);
    });

    it('a form to a public route is refused as well (no session needed to be refused)', async () => {
      const res = await fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `epost=remissansvarig%40enkoping.demo&losenord=${DEMO_PASSWORD}`,
      });
      expect(res.status).toBe(415);
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('application/json with a charset is JSON, and a POST without a body reaches validation', async () => {
      const before = await remissCount();
      expect(
        (
          await raw('/api/remisser', {
            body: remiss(),
            headers: { 'content-type': 'application/json; charset=utf-8', 'x-csrf-token': ks.sessionCsrfToken! },
          })
        ).status,
      ).toBe(201);
      expect(await remissCount()).toBe(before + 1);
      const utanKropp = await raw('/api/remisser', { headers: { 'x-csrf-token': ks.sessionCsrfToken! } });
      expect(utanKropp).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    });

    it('an upload route takes multipart and refuses JSON', async () => {
      const [remissId] = (await sql(t.db.url, `SELECT id FROM remiss WHERE diarienummer = 'KS2025/118'`)).map(
        (r) => r.id as string,
      );
      const json = await ks.post(`/api/remisser/${remissId}/handlingar`, { titel: 'Bilaga' });
      expect(json.status).toBe(415);
      expect(json.body.details).toEqual({ accepted: ['multipart/form-data'] });
      const pdf = await raw(`/api/remisser/${remissId}/handlingar`, {
        body: '%PDF-1.7',
        headers: { 'content-type': 'application/pdf', 'x-csrf-token': ks.sessionCsrfToken! },
      });
      expect(pdf).toMatchObject({
        status: 415,
        body: { meddelande: 'Innehållstypen application/pdf tas inte emot här; skicka multipart/form-data.' },
      });
    });
  });

  describe('unsafe requests from another origin', () => {
    const login = (headers: Record<string, string>) =>
      t
        .anonymous()
        .post('/api/auth/login', { epost: 'un.sekreterare@enkoping.demo', losenord: DEMO_PASSWORD }, headers);

    it.each<[string, Record<string, string>]>([
      ['Origin of another site', { origin: 'https://angripare.example' }],
      ['Origin of the same host on another port', { origin: 'http://127.0.0.1:1' }],
      ['Origin: null (a sandboxed frame or a redirect)', { origin: 'null' }],
      ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: cross-site with a matching Origin', { 'sec-fetch-site': 'cross-site', origin: 'SELF' }],
    ])('%s → 403 CROSS_ORIGIN_REFUSED with the Swedish text, no session', async (_case, headers) => {
      const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'SELF' ? t.url : v]));
      const res = await login(h);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        code: 'CROSS_ORIGIN_REFUSED',
        message: "Requests that change something are accepted only from the platform's own origin",
        meddelande: 'Begäran kom från en annan webbplats än Remissplattformen och har avvisats.',
      });
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('passes its own origin, Sec-Fetch-Site same-origin or none, and clients that send neither (curl, servers)', async () => {
      for (const headers of [
        { origin: t.url },
        { 'sec-fetch-site': 'same-origin' },
        { 'sec-fetch-site': 'none' },
        {},
      ] as Record<string, string>[])
        expect((await login(headers)).status).toBe(200);
    });

    it('lets reads through from anywhere', async () => {
      expect(
        (await ks.get('/api/auth/me', { origin: 'https://angripare.example', 'sec-fetch-site': 'cross-site' })).status,
      ).toBe(200);
    });

    it("with PUBLIC_URL, that is the platform's origin, and not the address the request happened to use", async () => {
      const bakom = await startTestApp(PlatformModule.forRoot, {
        db: t.db,
        demoData: false,
        config: { PUBLIC_URL: 'https://remiss.enkoping.se/' },
      });
      try {
        const post = (origin: string) =>
          bakom
            .anonymous()
            .post('/api/auth/login', { epost: 'un.sekreterare@enkoping.demo', losenord: DEMO_PASSWORD }, { origin });
        expect((await post('https://remiss.enkoping.se')).status).toBe(200);
        expect((await post(bakom.url)).status).toBe(403);
        expect((await post('http://remiss.enkoping.se')).status).toBe(403);
      } finally {
        await bakom.close();
      }
    });
  });

  describe("the session's CSRF token", () => {
    it('is answered by login and by /api/auth/me, one per session', async () => {
      const klient = new ApiClient(t.url);
      const inloggning = await klient.post('/api/auth/login', {
        epost: 'remissansvarig@enkoping.demo',
        losenord: DEMO_PASSWORD,
      });
      expect(inloggning.body.csrfToken).toMatch(/^[\w-]{32}$/);
      expect((await klient.get('/api/auth/me')).body.csrfToken).toBe(inloggning.body.csrfToken);
      expect(inloggning.body.csrfToken).not.toBe(ks.sessionCsrfToken);
    });

    it.each([
      ['missing', {}],
      ['wrong', { 'x-csrf-token': 'fel-token' }],
      ['empty', { 'x-csrf-token': '' }],
      ["another session's", { 'x-csrf-token': 'OTHER' }],
    ])(
      '%s → 403 CSRF_TOKEN_INVALID with the Swedish text, nothing written',
      async (_case, headers: Record<string, string>) => {
        const annan = await t.as('remissansvarig@enkoping.demo');
        const h = Object.fromEntries(
          Object.entries(headers).map(([k, v]) => [k, v === 'OTHER' ? annan.sessionCsrfToken! : v]),
        );
        const before = await remissCount();
        const res = await raw('/api/remisser', {
          body: remiss('Förfalskad'),
          headers: { 'content-type': 'application/json', ...h },
        });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({
          code: 'CSRF_TOKEN_INVALID',
          meddelande: 'Begäran saknar sessionens säkerhetstoken eller har fel token. Ladda om sidan och försök igen.',
        });
        expect(await remissCount()).toBe(before);
      },
    );

    it('right, as header X-CSRF-Token → the request is carried out', async () => {
      const res = await raw('/api/remisser', {
        body: remiss('Remiss med rätt token'),
        headers: { 'content-type': 'application/json', 'x-csrf-token': ks.sessionCsrfToken! },
      });
      expect(res.status).toBe(201);
      expect(await sql(t.db.url, 'SELECT arendemening FROM remiss WHERE id = $1', [res.body.id])).toEqual([
        { arendemening: 'Remiss med rätt token' },
      ]);
    });

    it('is checked for PUT, PATCH and DELETE too', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      for (const [method, path] of [
        ['PUT', `/api/remissvar/${id}`],
        ['PATCH', `/api/remisser/${id}`],
        ['DELETE', `/api/remisser/${id}/handlingar/${id}`],
      ]) {
        const res = await raw(path, {
          method,
          body: method === 'DELETE' ? undefined : '{}',
          headers: method === 'DELETE' ? {} : { 'content-type': 'application/json' },
        });
        expect([method, res.status, res.body.code]).toEqual([method, 403, 'CSRF_TOKEN_INVALID']);
      }
    });

    it('in a url-encoded form, as field _csrf (then removed, so validation does not see it)', async () => {
      const form = (fields: Record<string, string>) =>
        raw('/test/formular', {
          body: new URLSearchParams(fields).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
      expect(await form({ namn: 'Åsa Öberg', _csrf: ks.sessionCsrfToken! })).toEqual({
        status: 200,
        body: { namn: 'Åsa Öberg', av: 'remissansvarig@enkoping.demo' },
      });
      expect((await form({ namn: 'Åsa Öberg', _csrf: 'fel' })).body.code).toBe('CSRF_TOKEN_INVALID');
      expect((await form({ namn: 'Åsa Öberg' })).body.code).toBe('CSRF_TOKEN_INVALID');
    });
  });
});

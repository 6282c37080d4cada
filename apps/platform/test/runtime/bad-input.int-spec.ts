import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiErrorBody, stockholmDatum, workingDaysAfter } from '@app/core';
import { sql } from '@app/database/testing/test-infrastructure';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';
import { DataSource } from 'typeorm';
import { PlatformModule } from '../../src/platform.module';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';

/**
 * The inputs the fuzzing of issue #11 answered with 500, one per class: each is now a 4xx with a
 * code and a Swedish meddelande naming the field, and writes nothing.
 */
describe('inputs that gave 500 are refused naming the field, and nothing is written', () => {
  let t: TestApp;
  let demo: DemoRemiss;
  const as: Record<'ks' | 'un' | 'admin' | 'registrator' | 'anonym', ApiClient> = {} as never;
  let svarId: string;
  let utkastId: string;
  let unDiarium: string;
  const svarsdatum = workingDaysAfter(stockholmDatum(new Date()), 20);

  const written = async () =>
    (
      await sql(
        t.db.url,
        `SELECT (SELECT count(*) FROM remiss) + (SELECT count(*) FROM arende) + (SELECT count(*) FROM remissvar_revision) + (SELECT count(*) FROM paminnelseregel) AS n`,
      )
    )[0].n as string;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    demo = await demoRemissMedHandling(t.db.url);
    as.ks = await t.as('remissansvarig@enkoping.demo');
    as.un = await t.as('un.sekreterare@enkoping.demo');
    as.admin = await t.as('admin@enkoping.demo');
    as.registrator = await t.as('registrator@enkoping.demo');
    as.anonym = t.anonymous();
    await as.un.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, {});
    svarId = (await as.un.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId)))
      .body.id;
    utkastId = (
      await as.ks.post('/api/remisser', {
        arendemening: 'Remiss om gränsvärden',
        svarsdatum,
        kontaktperson: { namn: 'Karin Lind', telefon: '0171-62 50 00' },
      })
    ).body.id;
    unDiarium = (await as.registrator.get('/api/diarier')).body.find((d: { prefix: string }) => d.prefix === 'UN').id;
  });
  afterAll(() => t.close());

  const svar = (change: (s: ReturnType<typeof unSvar>) => unknown) => {
    const s = structuredClone(unSvar(demo.remisshandlingId));
    return change(s) ?? s;
  };

  type Case = [
    what: string,
    caller: keyof typeof as,
    method: string,
    path: () => string,
    body: (() => unknown) | undefined,
    code: string,
    meddelande: RegExp,
    headers?: Record<string, string>,
  ];
  const CASES: Case[] = [
    [
      'NUL in a text field',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ arendemening: 'Remiss\u0000om NUL', svarsdatum }),
      'INVALID_TEXT',
      /^Fältet arendemening innehåller ett NUL-tecken/,
    ],
    [
      'NUL in q',
      'ks',
      'GET',
      () => '/api/remisser?q=a%00b',
      undefined,
      'INVALID_TEXT',
      /^Fältet sökord innehåller ett NUL-tecken/,
    ],
    [
      'NUL in the inkorg filter',
      'un',
      'GET',
      () => `/api/enheter/${demo.enheter.UN}/inkorg?q=%00`,
      undefined,
      'INVALID_TEXT',
      /Fältet sökord/,
    ],
    [
      'NUL in a path parameter',
      'anonym',
      'GET',
      () => '/api/extern/abc%00def',
      undefined,
      'INVALID_TEXT',
      /^Fältet token/,
    ],
    [
      'a lone surrogate in an e-mail address',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({
        arendemening: 'Remiss',
        svarsdatum,
        mottagare: [{ namn: 'Region Uppsala', epost: 'reg\uD800@region.se' }],
      }),
      'INVALID_TEXT',
      /^Fältet mottagare\.0\.epost innehåller ett ensamt surrogattecken/,
    ],
    [
      'a lone surrogate at login',
      'anonym',
      'POST',
      () => '/api/auth/login',
      () => ({ epost: '\uDC00@enkoping.demo', losenord: 'x' }),
      'INVALID_TEXT',
      /^Fältet epost/,
    ],
    [
      'a lone surrogate in a key',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ ['\uD800']: 1 }),
      'INVALID_TEXT',
      /ensamt surrogattecken/,
    ],
    [
      'svarsdatum 9999-12-31',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ arendemening: 'Remiss', svarsdatum: '9999-12-31' }),
      'VALIDATION_FAILED',
      /fältet svarsdatum$/,
    ],
    [
      'a date that does not exist',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ arendemening: 'Remiss', svarsdatum: '2027-02-30' }),
      'VALIDATION_FAILED',
      /fältet svarsdatum$/,
    ],
    [
      'a beslutsdatum in year 10000',
      'un',
      'POST',
      () => `/api/remissvar/${svarId}/beslut`,
      () => ({ typ: 'delegationsbeslut', delegatNamn: 'Per Ås', beslutsdatum: '+10000-01-01' }),
      'VALIDATION_FAILED',
      /fältet beslutsdatum$/,
    ],
    [
      '?page=100000000',
      'ks',
      'GET',
      () => '/api/remisser?page=100000000',
      undefined,
      'VALIDATION_FAILED',
      /fältet sidnummer$/,
    ],
    [
      'a page beyond int4 in revisions',
      'un',
      'GET',
      () => `/api/remissvar/${svarId}/revisioner?page=2147483648`,
      undefined,
      'VALIDATION_FAILED',
      /fältet sidnummer$/,
    ],
    [
      'sida beyond int4',
      'un',
      'PUT',
      () => `/api/remissvar/${svarId}`,
      () => svar((s) => void ((s.synpunkter[1] as { sida: number }).sida = 2 ** 31)),
      'VALIDATION_FAILED',
      /fältet synpunkter\.1\.sida$/,
      { 'if-match': '"1"' },
    ],
    [
      'version beyond int4 in a remissvar',
      'un',
      'PUT',
      () => `/api/remissvar/${svarId}`,
      () => ({ ...unSvar(demo.remisshandlingId), version: 2 ** 31 }),
      'VALIDATION_FAILED',
      /fältet version$/,
    ],
    [
      'version beyond int4 in a remiss',
      'ks',
      'PATCH',
      () => `/api/remisser/${utkastId}`,
      () => ({ arendemening: 'Ny mening', version: 2 ** 31 }),
      'VALIDATION_FAILED',
      /fältet version$/,
    ],
    [
      'If-Match beyond int4',
      'un',
      'PUT',
      () => `/api/remissvar/${svarId}`,
      () => unSvar(demo.remisshandlingId),
      'VALIDATION_FAILED',
      /If-Match/,
      { 'if-match': '"2147483648"' },
    ],
    [
      'a revision number beyond int4',
      'un',
      'GET',
      () => `/api/remissvar/${svarId}/revisioner/2147483648`,
      undefined,
      'VALIDATION_FAILED',
      /fältet version/,
    ],
    [
      'a revision number of 20 digits',
      'un',
      'GET',
      () => `/api/remissvar/${svarId}/revisioner/99999999999999999999`,
      undefined,
      'VALIDATION_FAILED',
      /fältet version/,
    ],
    [
      'a löpnummer beyond int4 in an entered dnr',
      'registrator',
      'POST',
      () => `/api/diarier/${unDiarium}/arenden`,
      () => ({ arendemening: 'Ärende', diarienummer: 'UN2026/99999999999' }),
      'INVALID_DIARIENUMMER',
      /är inte ett diarienummer/,
    ],
    [
      'null for an optional PATCH field',
      'ks',
      'PATCH',
      () => `/api/remisser/${utkastId}`,
      () => ({ missiv: null }),
      'VALIDATION_FAILED',
      /fältet missiv$/,
    ],
    [
      'null for a required field in PATCH',
      'ks',
      'PATCH',
      () => `/api/remisser/${utkastId}`,
      () => ({ arendemening: null }),
      'VALIDATION_FAILED',
      // The DTO's Swedish name for the field (@Faltnamn), no longer its ASCII property.
      /fältet ärendemening$/,
    ],
    [
      'null for an optional field at create',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ arendemening: 'Remiss', svarsdatum, diarienummer: null }),
      'VALIDATION_FAILED',
      /fältet diarienummer$/,
    ],
    [
      'synpunkter: [[]]',
      'un',
      'PUT',
      () => `/api/remissvar/${svarId}`,
      () => ({ inledning: '', avslutning: '', synpunkter: [[]], version: 1 }),
      'VALIDATION_FAILED',
      /fältet synpunkter$/,
    ],
    [
      'citat: null',
      'un',
      'PUT',
      () => `/api/remissvar/${svarId}`,
      () => svar((s) => void ((s.synpunkter[1] as { citat: unknown }).citat = null)),
      'VALIDATION_FAILED',
      /fältet synpunkter\.1\.citat$/,
      { 'if-match': '"1"' },
    ],
    [
      'mottagare: [[]]',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ arendemening: 'Remiss', svarsdatum, mottagare: [[]] }),
      'VALIDATION_FAILED',
      /fältet mottagare$/,
    ],
    [
      'kontaktperson: []',
      'ks',
      'POST',
      () => '/api/remisser',
      () => ({ arendemening: 'Remiss', svarsdatum, kontaktperson: [] }),
      'VALIDATION_FAILED',
      /fältet kontaktperson$/,
    ],
    [
      'regler: [[]]',
      'admin',
      'PUT',
      () => '/api/admin/paminnelseregler',
      () => ({ regler: [[]] }),
      'VALIDATION_FAILED',
      /fältet regler$/,
    ],
    [
      'deeply nested JSON in a field',
      'un',
      'POST',
      () => `/api/remissinstanser/${demo.instanser.UN}/avsta`,
      () => `{"motivering":${'['.repeat(5_000)}${']'.repeat(5_000)}}`,
      'INPUT_TOO_DEEP',
      /nästlade i fler än 32 nivåer/,
    ],
    [
      'a deeply nested body',
      'ks',
      'POST',
      () => '/api/remisser',
      () => '['.repeat(100_000) + ']'.repeat(100_000),
      'INPUT_TOO_DEEP',
      /^Uppgifterna i innehållet är nästlade/,
    ],
  ];

  // A rest parameter: Jest would take an eighth declared parameter that a row leaves out for `done`.
  it.each(CASES)('%s', async (...[, caller, method, path, body, code, meddelande, headers]: Case) => {
    const before = await written();
    const res = await as[caller].request(method, path(), body?.(), headers);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    expect(res.body.meddelande).toMatch(meddelande);
    expect(res.body.message).toEqual(expect.any(String));
    expect(await written()).toBe(before);
  });

  it('names each refused field in Swedish under `fel`, for a form to show beside the field', async () => {
    const res = await as.ks.post('/api/remisser', {
      arendemening: 'x'.repeat(1000),
      svarsdatum: '2027-02-30',
      kontaktperson: { namn: 'Eva', epost: 'inte-en-adress' },
      prioritet: 'hög',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: expect.any(Array) } });
    expect(res.body.meddelande).toMatch(/^Uppgifterna är inte giltiga: fälten /);
    expect(res.body.fel).toEqual(
      expect.arrayContaining([
        { falt: 'arendemening', meddelande: expect.stringMatching(/^Ärendemening får ha högst \d+ tecken\.$/) },
        {
          falt: 'svarsdatum',
          meddelande: 'Svarsdatum måste vara ett datum ÅÅÅÅ-MM-DD mellan 2000-01-01 och 2099-12-31.',
        },
        { falt: 'kontaktperson.epost', meddelande: 'Fältet kontaktperson.e-postadress måste vara en e-postadress.' },
        { falt: 'prioritet', meddelande: 'Prioritet finns inte här och får inte skickas.' },
      ]),
    );
    expect(res.body.fel).toHaveLength(4);
  });

  it('names a field whose JSON key is empty too (found by the fuzz test as a 500)', async () => {
    const res = await as.ks.post('/api/remisser', { arendemening: 'Ett ärende', '': null });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.fel).toContainEqual({
      falt: '',
      meddelande: 'Ett fält utan namn finns inte här och får inte skickas.',
    });
  });

  it('takes null as "no kontaktperson" when editing a draft', async () => {
    const res = await as.ks.patch(`/api/remisser/${utkastId}`, { kontaktperson: null });
    expect(res.status).toBe(200);
    const [row] = await sql(
      t.db.url,
      'SELECT kontaktperson_namn, kontaktperson_epost, kontaktperson_telefon FROM remiss WHERE id = $1',
      [utkastId],
    );
    expect(row).toEqual({ kontaktperson_namn: null, kontaktperson_epost: null, kontaktperson_telefon: null });
  });

  it('gives one of many identical entered diarienummer at once, the rest 409 DIARIENUMMER_TAKEN', async () => {
    const arenden = await Promise.all(
      Array.from({ length: 8 }, () =>
        as.registrator.post(`/api/diarier/${unDiarium}/arenden`, {
          arendemening: 'Samtidigt ärende',
          diarienummer: 'UN2026/555',
        }),
      ),
    );
    const remisser = await Promise.all(
      Array.from({ length: 8 }, () =>
        as.ks.post('/api/remisser', { arendemening: 'Samtidig remiss', svarsdatum, diarienummer: 'KS2026/556' }),
      ),
    );
    for (const responses of [arenden, remisser]) {
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      expect(responses.filter((r) => r.status === 409).map((r) => r.body.meddelande)).toEqual(
        Array(7).fill(expect.stringMatching(/^Diarienumret (UN2026\/555|KS2026\/556) används redan$/)),
      );
    }
    const rows = await sql(
      t.db.url,
      `SELECT diarienummer, count(*)::int AS n FROM arende WHERE diarienummer IN ('UN2026/555', 'KS2026/556') GROUP BY diarienummer ORDER BY diarienummer`,
    );
    expect(rows).toEqual([
      { diarienummer: 'KS2026/556', n: 1 },
      { diarienummer: 'UN2026/555', n: 1 },
    ]);
    expect((await sql(t.db.url, `SELECT count(*)::int AS n FROM remiss WHERE diarienummer = 'KS2026/556'`))[0].n).toBe(
      1,
    );
  });

  it('saves identical reminder rules sent at once, each save whole', async () => {
    const regler = [
      { typ: 'fore', arbetsdagar: 5, aktiv: true },
      { typ: 'pa_dagen', arbetsdagar: 0, aktiv: true },
      { typ: 'efter', arbetsdagar: 2, aktiv: false },
    ];
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => as.admin.put('/api/admin/paminnelseregler', { regler })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    const saved = await sql(
      t.db.url,
      `SELECT g.typ, g.arbetsdagar, g.aktiv FROM paminnelseregel g JOIN organisation o ON o.id = g.organisation_id WHERE o.slug = 'enkoping' ORDER BY g.typ`,
    );
    expect(saved).toEqual([
      { typ: 'efter', arbetsdagar: 2, aktiv: false },
      { typ: 'fore', arbetsdagar: 5, aktiv: true },
      { typ: 'pa_dagen', arbetsdagar: 0, aktiv: true },
    ]);
  });

  it('answers what PostgreSQL refuses, where no service caught it, with 409 or 400 and a Swedish meddelande (a deadlock too)', async () => {
    const duplicate =
      'INSERT INTO organisation (namn, slug, typ, organisationsnummer, epost, ansluten) SELECT namn, slug, typ, organisationsnummer, epost, ansluten FROM organisation LIMIT 1';
    const dataSource = t.app.get(DataSource);
    const refused = [
      await sql(t.db.url, duplicate).catch((e: unknown) => e),
      await dataSource.query(duplicate).catch((e: unknown) => e),
      await dataSource.query('SELECT $1::int', ['99999999999']).catch((e: unknown) => e),
      await dataSource.query('SELECT $1::text', ['a\u0000b']).catch((e: unknown) => e),
      // A deadlock victim's error, as PostgreSQL raises it (SQLSTATE 40P01).
      await dataSource
        .query(`DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$`)
        .catch((e: unknown) => e),
    ];
    expect(refused.map((e) => apiErrorBody(e))).toEqual([
      expect.objectContaining({
        statusCode: 409,
        code: 'DUPLICATE',
        meddelande: expect.stringMatching(/^Uppgiften finns redan/),
      }),
      expect.objectContaining({ statusCode: 409, code: 'DUPLICATE' }),
      expect.objectContaining({
        statusCode: 400,
        code: 'INVALID_VALUE',
        meddelande: expect.stringMatching(/utanför det som kan sparas/),
      }),
      expect.objectContaining({ statusCode: 400, code: 'INVALID_VALUE' }),
      expect.objectContaining({
        statusCode: 409,
        code: 'CONCURRENT_CHANGE',
        meddelande: expect.stringMatching(/samma ögonblick/),
      }),
    ]);
    expect(apiErrorBody(new Error('a bug'))).toMatchObject({ statusCode: 500, code: 'INTERNAL' });
  });
});

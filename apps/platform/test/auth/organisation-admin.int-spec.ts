import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

/** Every demo user but the admin (README's table, and the accounts added for each nämnd). */
const ANDRA = [
  'remissansvarig@enkoping.demo',
  'un.sekreterare@enkoping.demo',
  'un.handlaggare@enkoping.demo',
  'registrator@enkoping.demo',
  'tn.sekreterare@enkoping.demo',
  'remissansvarig@vadstena.demo',
];

const ENHET = { namn: 'Krisledningsnämnden', kortnamn: 'KLN', typ: 'namnd', funktionsbrevlada: '' };

/** The organisation admin's API by role, and what it refuses, with the rows that must not appear. */
describe('the organisation admin API: enheter, brevhuvud, kopplingar', () => {
  let t: TestApp;
  let admin: ApiClient;
  let vadstenaAdmin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    admin = await t.as('admin@enkoping.demo');
    vadstenaAdmin = await t.as('admin@vadstena.demo');
  });
  afterAll(() => t?.close());

  it('answers only admins: 401 anonymous, 403 every other role, nothing written', async () => {
    const [un] = await sql(t.db.url, `SELECT id FROM enhet WHERE kortnamn = 'UN'`);
    const anrop: [string, string, unknown?][] = [
      ['GET', '/api/admin/enheter'],
      ['POST', '/api/admin/enheter', ENHET],
      ['PUT', `/api/admin/enheter/${un.id}`, { ...ENHET, kortnamn: 'UN' }],
      ['GET', '/api/admin/brevhuvud'],
      ['PUT', '/api/admin/brevhuvud', {}],
      ['GET', '/api/admin/brevhuvud/forhandsvisning'],
      ['GET', '/api/admin/kopplingar'],
      ['POST', '/api/admin/kopplingar', { organisationId: un.id }],
      ['DELETE', `/api/admin/kopplingar/${un.id}`],
    ];
    const klienter = await Promise.all(ANDRA.map(async (epost) => [epost, await t.as(epost)] as const));
    for (const [metod, path, body] of anrop) {
      expect([metod, path, (await t.anonymous().request(metod, path, body)).status]).toEqual([metod, path, 401]);
      for (const [epost, klient] of klienter) {
        const res = await klient.request(metod, path, body);
        expect([epost, metod, path, res.status]).toEqual([epost, metod, path, 403]);
      }
    }
    expect(await sql(t.db.url, `SELECT 1 FROM enhet WHERE kortnamn = 'KLN'`)).toHaveLength(0);
    expect(await sql(t.db.url, `SELECT 1 FROM brevhuvud`)).toHaveLength(0);
  });

  it("creates an enhet, refuses a taken kortnamn at its field, and never edits another organisation's", async () => {
    const skapad = await admin.post('/api/admin/enheter', ENHET);
    expect(skapad.status).toBe(201);
    expect(skapad.body).toMatchObject({ namn: 'Krisledningsnämnden', kortnamn: 'KLN', funktionsbrevlada: null });
    const dubblett = await admin.post('/api/admin/enheter', { ...ENHET, kortnamn: 'kln' });
    expect(dubblett.status).toBe(409);
    expect(dubblett.body.code).toBe('ENHET_KORTNAMN_UPPTAGET');
    expect(dubblett.body.fel).toEqual([{ falt: 'kortnamn', meddelande: expect.stringContaining('Kortnamnet kln') }]);
    // Vadstena's admin may use the same kortnamn in its own organisation, and not reach Enköping's enhet.
    expect((await vadstenaAdmin.post('/api/admin/enheter', ENHET)).status).toBe(201);
    const annan = await vadstenaAdmin.put(`/api/admin/enheter/${skapad.body.id}`, { ...ENHET, namn: 'Kapad' });
    expect(annan.status).toBe(404);
    expect(await sql(t.db.url, `SELECT 1 FROM enhet WHERE namn = 'Kapad'`)).toHaveLength(0);
    expect(await sql(t.db.url, `SELECT 1 FROM audit_event WHERE handelse = 'enhet_skapad'`)).toHaveLength(2);
  });

  it('gives a new enhet its diarium: its own by default, a shared one when chosen; a taken prefix or a foreign diarium is refused at the field, nothing written', async () => {
    const diarium = async (enhetId: string) =>
      (
        await sql(
          t.db.url,
          `SELECT d.id, d.namn, d.prefix, d.format FROM enhet e JOIN diarium d ON d.id = e.diarium_id WHERE e.id = $1`,
          [enhetId],
        )
      )[0];
    /** The diarium the Kommunstyrelsen of an organisation (by slug) numbers its ärenden in. */
    const ksDiarium = async (slug: string): Promise<string> =>
      (
        await sql(
          t.db.url,
          `SELECT e.diarium_id AS id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = $1 AND e.kortnamn = 'KS'`,
          [slug],
        )
      )[0].id;
    const egen = await admin.post('/api/admin/enheter', { ...ENHET, namn: 'Valnämnden', kortnamn: 'Val-1' });
    expect(egen.status).toBe(201);
    expect(await diarium(egen.body.id)).toMatchObject({
      namn: 'Valnämndens diarium',
      prefix: 'VAL1',
      format: '{prefix} {year}/{seq:4}',
    });
    const ks = await ksDiarium('enkoping');
    const delad = await admin.post('/api/admin/enheter', {
      ...ENHET,
      namn: 'Revisionen',
      kortnamn: 'REV',
      typ: 'rad',
      diarium: ks,
    });
    expect(delad.status).toBe(201);
    expect((await diarium(delad.body.id)).id).toBe(ks);
    const [{ id: audit }] = await sql(
      t.db.url,
      `SELECT data->>'diariumId' AS id FROM audit_event WHERE handelse = 'enhet_skapad' AND objekt_id = $1`,
      [delad.body.id],
    );
    expect(audit).toBe(ks);

    const rader = () =>
      sql(
        t.db.url,
        `SELECT (SELECT count(*) FROM enhet)::int AS enheter, (SELECT count(*) FROM diarium)::int AS diarier`,
      );
    const fore = await rader();
    // "U-N" is a free kortnamn, but its diarium would number as UN, which Utbildningsnämnden's does.
    const upptaget = await admin.post('/api/admin/enheter', { ...ENHET, namn: 'Ungdomsnämnden', kortnamn: 'U-N' });
    expect([upptaget.status, upptaget.body.fel]).toEqual([
      400,
      [
        expect.objectContaining({
          falt: 'diarium',
          meddelande: 'Det finns redan ett diarium med prefixet UN. Välj det diariet, eller ett annat kortnamn.',
        }),
      ],
    ]);
    const vadstenasKs = await ksDiarium('vadstena');
    const frammande = await admin.post('/api/admin/enheter', { ...ENHET, kortnamn: 'XN', diarium: vadstenasKs });
    expect([frammande.status, frammande.body.fel[0].meddelande]).toEqual([400, 'Välj ett av organisationens diarier.']);
    const ogiltigt = await admin.post('/api/admin/enheter', { ...ENHET, kortnamn: 'YN', diarium: 'alla' });
    expect([ogiltigt.status, ogiltigt.body.fel[0].falt]).toEqual([400, 'diarium']);
    expect(await rader()).toEqual(fore);
  });

  it('refuses a low-contrast text colour and a hostile emblem, and keeps no half-written letterhead', async () => {
    const nu = (await admin.get('/api/admin/brevhuvud')).body;
    expect(nu).toMatchObject({
      sparat: false,
      standardFran: 'mall',
      organisationsnummer: '212000-0274',
      primarfarg: '#0b5d4b',
    });
    const { emblem: _e, sparat: _s, standardFran: _f, version: _v, primarKontrast: _k, ...falt } = nu;
    const ljus = await admin.put('/api/admin/brevhuvud', { ...falt, primarfarg: '#AAAAAA' });
    expect(ljus.status).toBe(422);
    expect(ljus.body.fel[0]).toEqual({ falt: 'primarfarg', meddelande: expect.stringContaining('kontrasten 2,3:1') });
    const form = new FormData();
    form.append(
      'emblem',
      new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>']),
      'e.svg',
    );
    const ond = await admin.put('/api/admin/brevhuvud/emblem', form);
    expect([ond.status, ond.body.code]).toEqual([422, 'EMBLEM_OGILTIGT']);
    expect(await sql(t.db.url, `SELECT 1 FROM brevhuvud`)).toHaveLength(0);
    const sparad = await admin.put('/api/admin/brevhuvud', { ...falt, telefon: '0171-62 50 01' });
    expect(sparad.body).toMatchObject({ sparat: true, version: 1, telefon: '0171-62 50 01' });
    // Vadstena's letterhead is its own.
    expect((await vadstenaAdmin.get('/api/admin/brevhuvud')).body).toMatchObject({
      sparat: false,
      namn: 'Vadstena kommun',
    });
  });

  it('connects organisations by the receiver: never itself, never an unknown one', async () => {
    const [enkoping] = await sql(t.db.url, `SELECT id FROM organisation WHERE slug = 'enkoping'`);
    const egen = await admin.post('/api/admin/kopplingar', { organisationId: enkoping.id });
    expect([egen.status, egen.body.code]).toEqual([422, 'KOPPLING_OGILTIG']);
    const okand = await admin.post('/api/admin/kopplingar', { organisationId: '00000000-0000-4000-8000-000000000000' });
    expect([okand.status, okand.body.fel[0].falt]).toEqual([422, 'organisationId']);
    // The demo lets Vadstena send to Enköping: Vadstena's directory shows Enköping's answering enheter.
    const katalog = (await vadstenaAdmin.get('/api/admin/kopplingar')).body;
    expect(katalog.mottagare.map((o: { namn: string }) => o.namn)).toEqual(['Enköpings kommun']);
    expect(katalog.mottagare[0].enheter.map((e: { kortnamn: string }) => e.kortnamn)).toContain('TN');
    expect((await admin.delete(`/api/admin/kopplingar/${enkoping.id}`)).status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, stockholmDatum } from '@app/core';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { createHash } from 'node:crypto';
import { sql } from '@app/database/testing/test-infrastructure';
import { PlatformModule } from '../../src/platform.module';
import { krypteradPdf, pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { tidigasteSvarsdatum } from '@app/remiss';
import { koppla } from '@app/remiss/testing/remiss-fixture';

function pdfForm(data: Buffer, filnamn: string, titel?: string): FormData {
  const form = new FormData();
  form.append('fil', new Blob([new Uint8Array(data)], { type: 'application/pdf' }), filnamn);
  if (titel) form.append('titel', titel);
  return form;
}

describe('remiss utkast and remisshandlingar (real PostgreSQL)', () => {
  let t: TestApp;
  let ks: ApiClient;
  let enheter: { enhetId: string; kortnamn: string; organisation: string }[];
  const idag = stockholmDatum(new Date());
  const svarsdatum = tidigasteSvarsdatum(idag, 15);

  const enhet = (kortnamn: string, org = 'Enköpings kommun') =>
    enheter.find((e) => e.kortnamn === kortnamn && e.organisation === org)!.enhetId;

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot, { config: { PDF_UPLOAD_MAX_MB: '1' } });
    ks = await t.as('remissansvarig@enkoping.demo');
    // Vadstena takes remisser from Enköping (the demo has only the other way).
    await koppla(await t.as('admin@vadstena.demo'), 'Enköpings kommun');
    enheter = (await ks.get('/api/remissmottagare')).body;
  });
  afterAll(() => t.close());

  it('the recipient directory: the own organisation in full, of others only answering enheter by name, no addresses', async () => {
    await sql(
      t.db.url,
      `INSERT INTO enhet (organisation_id, namn, kortnamn, typ, funktionsbrevlada)
      SELECT id, 'Samhällsbyggnadsförvaltningen', 'SBF', 'forvaltning', 'sbf@' || slug || '.se' FROM organisation WHERE slug IN ('enkoping', 'vadstena')`,
    );
    const katalog: Record<string, unknown>[] = (await ks.get('/api/remissmottagare')).body;
    const egna = katalog.filter((e) => e.organisation === 'Enköpings kommun');
    const andra = katalog.filter((e) => e.organisation !== 'Enköpings kommun');
    expect(egna.find((e) => e.kortnamn === 'UN')).toMatchObject({
      enhet: 'Utbildningsnämnden',
      typ: 'namnd',
      funktionsbrevlada: 'un@enkoping.se',
    });
    expect(egna.find((e) => e.kortnamn === 'SBF')).toMatchObject({
      typ: 'forvaltning',
      funktionsbrevlada: 'sbf@enkoping.se',
    });
    expect(andra.map((e) => e.kortnamn).sort()).toEqual(['BUN', 'KS']); // Vadstena's förvaltning is not listed
    for (const e of andra)
      expect(Object.keys(e).sort()).toEqual(['enhet', 'enhetId', 'kortnamn', 'organisation', 'organisationId']);
    expect(JSON.stringify(andra)).not.toContain('@');
    // Vadstena's remissansvarig sees Enköping the same way.
    const vadstena: Record<string, unknown>[] = (
      await (await t.as('remissansvarig@vadstena.demo')).get('/api/remissmottagare')
    ).body;
    expect(
      vadstena
        .filter((e) => e.organisation === 'Enköpings kommun')
        .map((e) => e.kortnamn)
        .sort(),
    ).toEqual(['BMN', 'KFN', 'KS', 'SN', 'TN', 'UN']);
    expect(JSON.stringify(vadstena.filter((e) => e.organisation === 'Enköpings kommun'))).not.toContain('@');
    expect(vadstena.find((e) => e.kortnamn === 'SBF' && e.organisation === 'Vadstena kommun')).toMatchObject({
      funktionsbrevlada: 'sbf@vadstena.se',
    });
    // What the directory does not offer cannot be chosen by its id either; the own förvaltning can.
    const [{ id: vadstenaSbf }] = await sql(
      t.db.url,
      `SELECT e.id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'vadstena' AND e.kortnamn = 'SBF'`,
    );
    const utkast = { arendemening: 'Förvaltningens remiss', missiv: 'Synpunkter önskas.', svarsdatum };
    const annan = await ks.post('/api/remisser', { ...utkast, mottagare: [{ enhetId: vadstenaSbf }] });
    expect([annan.status, annan.body.code, annan.body.meddelande]).toEqual([
      400,
      'INVALID_MOTTAGARE',
      'En av mottagarna finns inte på plattformen',
    ]);
    expect(await sql(t.db.url, `SELECT 1 FROM remiss WHERE arendemening = 'Förvaltningens remiss'`)).toEqual([]);
    const egen = await ks.post('/api/remisser', {
      ...utkast,
      mottagare: [{ enhetId: egna.find((e) => e.kortnamn === 'SBF')!.enhetId }],
    });
    expect(egen.status).toBe(201);
  });

  it('creates an utkast with an allocated dnr in the KS diarium, recipients of both kinds and questions', async () => {
    const res = await ks.post('/api/remisser', {
      arendemening: 'Förslag till policy för digital omställning',
      missiv: 'Kommunstyrelsen önskar synpunkter.',
      svarsdatum,
      mottagare: [
        { enhetId: enhet('UN') },
        { enhetId: enhet('KS', 'Vadstena kommun') },
        { namn: 'Region Uppsala', epost: 'Registrator@RegionUppsala.se' },
      ],
      fragor: ['Är målen rimliga?'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'utkast',
      svarsdatum,
      kontaktpersonNamn: 'Karin Lind',
      fragor: [{ nummer: 1, text: 'Är målen rimliga?' }],
    });
    expect(res.body.diarienummer).toMatch(new RegExp(`^KS${idag.slice(0, 4)}/\\d+$`));
    expect(res.body.utkastMottagare).toEqual([
      { typ: 'enhet', enhetId: enhet('UN') },
      { typ: 'enhet', enhetId: enhet('KS', 'Vadstena kommun') },
      { typ: 'extern', namn: 'Region Uppsala', epost: 'registrator@regionuppsala.se' },
    ]);
    const [arende] = await sql(t.db.url, 'SELECT diarienummer, arendemening FROM arende WHERE id = $1', [
      res.body.arendeId,
    ]);
    expect(arende).toEqual({
      diarienummer: res.body.diarienummer,
      arendemening: 'Förslag till policy för digital omställning',
    });
    // No recipient sees a draft: its instanser do not exist until it is sent.
    expect(await sql(t.db.url, 'SELECT id FROM remissinstans WHERE remiss_id = $1', [res.body.id])).toEqual([]);
    const un = await t.as('un.sekreterare@enkoping.demo');
    expect((await un.get(`/api/remisser/${res.body.id}`)).status).toBe(200); // same organisation reads the remiss …
    expect((await (await t.as('remissansvarig@vadstena.demo')).get(`/api/remisser/${res.body.id}`)).status).toBe(404); // … another does not
  });

  it('accepts an entered dnr once and refuses it twice', async () => {
    const body = { arendemening: 'Inkommen begäran', svarsdatum, diarienummer: 'KS2025/7' };
    expect((await ks.post('/api/remisser', body)).body.diarienummer).toBe('KS2025/7');
    const again = await ks.post('/api/remisser', body);
    expect([again.status, again.body.code]).toEqual([409, 'DIARIENUMMER_TAKEN']);
  });

  it('refuses a svarsdatum under the minimum with a Swedish reason and the next valid date, storing nothing', async () => {
    const fore = await sql(t.db.url, 'SELECT count(*)::int AS n FROM remiss');
    const res = await ks.post('/api/remisser', { arendemening: 'För kort svarstid', svarsdatum: addDays(idag, 7) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_SVARSDATUM');
    expect(res.body.details.nastaGiltigaDatum).toBe(svarsdatum);
    expect(res.body.meddelande).toContain(`Närmaste möjliga svarsdatum är ${svarsdatum}`);
    expect(await sql(t.db.url, 'SELECT count(*)::int AS n FROM remiss')).toEqual(fore);
  });

  it('refuses unknown and duplicate recipients', async () => {
    const okand = await ks.post('/api/remisser', {
      arendemening: 'Okänd',
      svarsdatum,
      mottagare: [{ enhetId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect([okand.status, okand.body.code]).toEqual([400, 'INVALID_MOTTAGARE']);
    const dubbel = await ks.post('/api/remisser', {
      arendemening: 'Xyz',
      svarsdatum,
      mottagare: [{ enhetId: enhet('UN') }, { enhetId: enhet('UN') }],
    });
    expect([dubbel.status, dubbel.body.code]).toEqual([400, 'INVALID_MOTTAGARE']);
  });

  it('edits a draft with optimistic locking', async () => {
    const { body: remiss } = await ks.post('/api/remisser', { arendemening: 'Första namnet', svarsdatum });
    const ok = await ks.patch(`/api/remisser/${remiss.id}`, { arendemening: 'Andra namnet', version: remiss.version });
    expect([ok.status, ok.body.arendemening, ok.body.version]).toEqual([200, 'Andra namnet', remiss.version + 1]);
    const stale = await ks.patch(`/api/remisser/${remiss.id}`, { arendemening: 'Tredje', version: remiss.version });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    expect((await ks.get(`/api/remisser/${remiss.id}`)).body.arendemening).toBe('Andra namnet');
  });

  it('stores an uploaded PDF with its SHA-256 and the text of every page', async () => {
    const { body: remiss } = await ks.post('/api/remisser', { arendemening: 'Med handling', svarsdatum });
    const pdf = await pdfMedSidor([['Innehåll'], ['Vi drar erfarenhet från andras pilotstudier.']]);
    const res = await ks.post(
      `/api/remisser/${remiss.id}/handlingar`,
      pdfForm(pdf, 'Policy för digital omställning.pdf', 'Förslag till policy'),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ titel: 'Förslag till policy', sidantal: 2, ordning: 1 });
    const sidor = await sql(
      t.db.url,
      'SELECT sidnummer, text FROM remisshandling_sida WHERE remisshandling_id = $1 ORDER BY sidnummer',
      [res.body.id],
    );
    expect(sidor.map((s) => s.sidnummer)).toEqual([1, 2]);
    expect(sidor[1].text).toContain('Vi drar erfarenhet från andras pilotstudier.');
    const [fil] = await sql(t.db.url, 'SELECT sha256, storlek FROM fil WHERE id = $1', [res.body.filId]);
    expect(fil).toEqual({ sha256: createHash('sha256').update(pdf).digest('hex'), storlek: pdf.length });
    const download = await ks.get(`/api/remisser/${remiss.id}/handlingar/${res.body.id}/fil`);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  it.each([
    ['a Word file', () => Buffer.from('504b030414000600080000002100', 'hex'), 415, 'NOT_A_PDF'],
    ['an encrypted PDF', () => krypteradPdf(), 422, 'PDF_ENCRYPTED'],
    ['a corrupt PDF', () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 0x41)]), 422, 'PDF_CORRUPT'],
    [
      'a PDF over the limit',
      () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]),
      413,
      'FILE_TOO_LARGE',
    ],
  ])('refuses %s, naming the problem, and stores nothing', async (_name, make, status, code) => {
    const { body: remiss } = await ks.post('/api/remisser', { arendemening: 'Fel fil', svarsdatum });
    const filerFore = await sql(t.db.url, 'SELECT count(*)::int AS n FROM fil');
    const res = await ks.post(`/api/remisser/${remiss.id}/handlingar`, pdfForm(await make(), 'bilaga.pdf'));
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.body.message.length).toBeGreaterThan(10);
    expect(await sql(t.db.url, 'SELECT count(*)::int AS n FROM fil')).toEqual(filerFore);
    expect(await sql(t.db.url, 'SELECT id FROM remisshandling WHERE remiss_id = $1', [remiss.id])).toEqual([]);
  });

  it('lists the remisser with a text filter and pagination, and shows the status of a draft', async () => {
    const list = await ks.get('/api/remisser?q=namnet&status=utkast&page=1&pageSize=5&sort=svarsdatum&order=asc');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(list.body.items[0]).toMatchObject({ arendemening: 'Andra namnet', status: 'utkast', antalInstanser: 0 });
    const demo = await ks.get('/api/remisser?q=KS2025/118');
    expect(demo.body.items[0]).toMatchObject({
      diarienummer: 'KS2025/118',
      status: 'utskickad',
      svarsdatum: '2025-05-15',
      utskickadAt: '2025-03-20T08:00:00.000Z',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      antalInstanser: 5,
      antalForsenade: 5,
      antalBesvarade: 0,
    });
    expect(demo.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const forsenade = await ks.get('/api/remisser?forsenad=true');
    expect(forsenade.body.items.map((r: { diarienummer: string }) => r.diarienummer)).toEqual(['KS2025/118']);
    const intervall = await ks.get('/api/remisser?svarsdatumFran=2025-05-01&svarsdatumTill=2025-05-31');
    expect(intervall.body.items.map((r: { diarienummer: string }) => r.diarienummer)).toEqual(['KS2025/118']);
    const sida1 = await ks.get('/api/remisser?pageSize=2&page=1&sort=diarienummer&order=asc');
    const sida2 = await ks.get('/api/remisser?pageSize=2&page=2&sort=diarienummer&order=asc');
    expect(sida1.body.total).toBe(sida2.body.total);
    expect(sida1.body.items).toHaveLength(2);
    const dnr = [...sida1.body.items, ...sida2.body.items].map((r: { diarienummer: string }) => r.diarienummer);
    expect(dnr).toEqual([...dnr].sort());
    expect(new Set([...sida1.body.items, ...sida2.body.items].map((r: { id: string }) => r.id)).size).toBe(
      sida1.body.items.length + sida2.body.items.length,
    );
    const bad = await ks.get('/api/remisser?pageSize=1000');
    expect(bad.status).toBe(400);
  });

  it('shows per instans status, dnr and derived forsenad with counts', async () => {
    const demo = (await ks.get('/api/remisser?q=KS2025/118')).body.items[0];
    const res = await ks.get(`/api/remisser/${demo.id}/status`);
    expect(res.status).toBe(200);
    expect(res.body.remiss).toMatchObject({
      diarienummer: 'KS2025/118',
      status: 'utskickad',
      svarsdatum: '2025-05-15',
      utskickadAt: '2025-03-20T08:00:00.000Z',
    });
    expect(res.body.antal).toMatchObject({ totalt: 5, inbjuden: 5, besvarad: 0, forsenad: 5 });
    expect(res.body.instanser.map((i: { namn: string }) => i.namn)).toContain('Utbildningsnämnden');
    expect(res.body.instanser[0]).toMatchObject({
      status: 'inbjuden',
      svarsdatum: '2025-05-15',
      forsenad: true,
      diarienummer: null,
    });
  });

  it('drops a remiss from the overdue filter once every instans has answered or declined', async () => {
    const demo = (await ks.get('/api/remisser?q=KS2025/118')).body.items[0];
    // The nämnder's answers, written as their side does: one UPDATE of the instans rows.
    await sql(
      t.db.url,
      `UPDATE remissinstans SET status = CASE WHEN namn = 'Socialnämnden' THEN 'avstar'::remissinstans_status ELSE 'besvarad' END WHERE remiss_id = $1 AND namn <> 'Tekniska nämnden'`,
      [demo.id],
    );
    expect((await ks.get('/api/remisser?forsenad=true')).body.items.map((r: { id: string }) => r.id)).toEqual([
      demo.id,
    ]);
    await sql(t.db.url, `UPDATE remissinstans SET status = 'besvarad' WHERE remiss_id = $1`, [demo.id]);
    expect((await ks.get('/api/remisser?forsenad=true')).body.total).toBe(0);
    expect(
      (await ks.get('/api/remisser?forsenad=false&q=KS2025/118')).body.items.map((r: { id: string }) => r.id),
    ).toEqual([demo.id]);
  });
});

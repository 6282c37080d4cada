import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ArkivkontrollKind } from '@app/archive';
import { sql } from '@app/database/testing/test-infrastructure';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText, preflight } from '@app/pdf/testing/pdf-verktyg';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';
import { DEMO_PASSWORD } from '@app/demo';
import { clickButton, expectAccessible, mainText, startBrowser, watchConsole } from '@app/web/testing/webblasare';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformModule } from '../../src/platform.module';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function waitUntil(villkor: () => Promise<boolean>, ms = 30_000): Promise<void> {
  for (const slut = Date.now() + ms; Date.now() < slut;) {
    if (await villkor()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
}

/** The archive after expediering and avslut: immutable rows, PDF/A, verification (real PostgreSQL, Redis, Chromium, Ghostscript). */
describe('arkivhandlingar (the whole platform)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let demo: DemoRemiss;
  let registrator: ApiClient;
  let sekreterare: ApiClient;
  let pdf: Buffer;
  let arkiv: { id: string; diarienummer: string; pdfa_fil_id: string; fil_id: string }[];

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    demo = await demoRemissMedHandling(t.db.url);
    sekreterare = await t.as('un.sekreterare@enkoping.demo');
    registrator = await t.as('registrator@enkoping.demo');
    await sekreterare.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, { diarienummer: 'UN2025/412' });
    const svarId = (
      await sekreterare.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, unSvar(demo.remisshandlingId))
    ).body.id;
    await sekreterare.post(`/api/remissvar/${svarId}/for-beslut`);
    await sekreterare.post(`/api/remissvar/${svarId}/beslut`, {
      typ: 'namndbeslut',
      sammantradesdatum: '2025-04-23',
      paragraf: '45',
    });
    expect((await sekreterare.post(`/api/remissvar/${svarId}/expediera`)).status).toBe(200);
    pdf = (await sekreterare.get(`/api/remissvar/${svarId}/pdf`)).body;
    const [{ slutlig_fil_id }] = await sql(t.db.url, `SELECT slutlig_fil_id FROM remissvar WHERE id = $1`, [svarId]);
    const lista = () =>
      sql(
        t.db.url,
        `SELECT id, diarienummer, fil_id, pdfa_fil_id FROM arkivhandling WHERE fil_id = $1 ORDER BY diarienummer`,
        [slutlig_fil_id],
      );
    // The PDF/A is made after commit by the outbox; the rows exist from the expediering's commit.
    expect((await lista()).length).toBe(2);
    await waitUntil(async () => (await lista()).every((a) => a.pdfa_fil_id));
    arkiv = await lista();
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('archives the expedierat answer in both diarier: the SHA-256 of the bytes sent, metadata, a PDF/A that passes Preflight', async () => {
    expect(arkiv.map((a) => a.diarienummer)).toEqual(['KS2025/118', 'UN2025/412']);
    const res = await registrator.get(`/api/arkiv/${arkiv[1].id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      titel: 'Svar på remiss om policy för digital omställning',
      diarienummer: 'UN2025/412',
      dokumenttyp: 'remissvar',
      riktning: 'utgaende',
      upphov: 'Utbildningsnämnden',
      beslut: 'Utbildningsnämnden 2025-04-23 § 45',
      sha256: sha256(pdf),
      pdfa: { status: 'klar', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect((await registrator.get(`/api/arkiv/${arkiv[0].id}`)).body).toMatchObject({ riktning: 'inkommande' });
    const pdfa = await registrator.get(`/api/arkiv/${arkiv[1].id}/pdfa.pdf`);
    expect(sha256(pdfa.body)).toBe(res.body.pdfa.sha256);
    const resultat = await preflight(pdfa.body);
    expect(resultat.utskrift).toContain('is a valid PDF/A-1b file');
    expect(await pdfText(pdfa.body)).toContain('Svar på remiss om policy för digital omställning');
  }, 60_000);

  it('the database refuses UPDATE, DELETE, TRUNCATE and a second PDF/A of an arkivhandling', async () => {
    const [{ id }] = arkiv;
    for (const andring of [
      `UPDATE arkivhandling SET titel = 'Ändrad' WHERE id = '${id}'`,
      `UPDATE arkivhandling SET sha256 = repeat('0', 64) WHERE id = '${id}'`,
      `UPDATE arkivhandling SET pdfa_fil_id = fil_id, pdfa_sha256 = sha256 WHERE id = '${id}'`,
      `DELETE FROM arkivhandling WHERE id = '${id}'`,
      `TRUNCATE arkivhandling CASCADE`,
    ])
      await expect(sql(t.db.url, andring)).rejects.toThrow(/append-only/);
    expect(await sql(t.db.url, `SELECT titel FROM arkivhandling WHERE id = $1`, [id])).toEqual([
      { titel: 'Svar på remiss om policy för digital omställning' },
    ]);
  });

  it('verifies on request; tampered bytes are found by verify and by the scheduled check, audited', async () => {
    const [, un] = arkiv;
    expect((await registrator.post(`/api/arkiv/${un.id}/verifiera`)).body).toMatchObject({
      resultat: 'ok',
      originalOk: true,
      pdfaOk: true,
      kontrolleradAv: 'Lars Strand',
    });
    expect((await sekreterare.post(`/api/arkiv/${un.id}/verifiera`)).status).toBe(403);
    expect((await registrator.get(`/api/arkiv/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);

    // Someone with the database's superuser bypasses the triggers and changes one byte of the PDF/A.
    await sql(
      t.db.url,
      `BEGIN; SET LOCAL session_replication_role = replica;
       UPDATE fil SET data = overlay(data placing '\\x00'::bytea from 200 for 1) WHERE id = '${un.pdfa_fil_id}'; COMMIT`,
    );
    expect((await registrator.post(`/api/arkiv/${un.id}/verifiera`)).body).toMatchObject({
      resultat: 'avvikelse',
      originalOk: true,
      pdfaOk: false,
    });
    expect(await t.app.get(ArkivkontrollKind).checkAll()).toEqual({ kontrollerade: 2, avvikelser: 1 });
    const handelser = await sql(
      t.db.url,
      `SELECT anvandare_id IS NULL AS schemalagd FROM audit_event WHERE handelse = 'arkiv_avvikelse' AND objekt_id = $1 ORDER BY id`,
      [un.id],
    );
    expect(handelser).toEqual([{ schemalagd: false }, { schemalagd: true }]);
    expect((await registrator.get(`/api/arkiv/${un.id}`)).body.verifieringar.map((v: any) => v.resultat)).toEqual([
      'avvikelse',
      'avvikelse',
      'ok',
    ]);
  });

  it("the registrator's page: metadata and checksums, Verifiera, and the mismatch found (Chromium, axe-clean)", async () => {
    const browser = await startBrowser();
    try {
      const page = await (await browser.createBrowserContext()).newPage();
      const konsol = watchConsole(page);
      await page.goto(`${t.url}/logga-in`);
      await page.type('#epost', 'registrator@enkoping.demo');
      await page.type('#losenord', DEMO_PASSWORD);
      await clickButton(page, 'Logga in');
      await page.goto(`${t.url}/diarium/arkiv/${arkiv[0].id}`);
      let text = await mainText(page);
      for (const rad of ['KS2025/118', 'Inkommande', 'Utbildningsnämnden 2025-04-23 § 45', `SHA-256: ${sha256(pdf)}`])
        expect(text).toContain(rad);
      expect(text).toContain('Handlingen har inte verifierats ännu.');
      await expectAccessible(page, 'arkivhandling', konsol);
      await clickButton(page, 'Verifiera');
      text = await mainText(page);
      expect(text).toContain('Filerna är oförändrade');
      expect(text).toMatch(/Lars Strand\s+Oförändrade/);
      await expectAccessible(page, 'arkivhandling verifierad', konsol);

      await page.goto(`${t.url}/diarium/arkiv/${arkiv[1].id}`);
      text = await mainText(page);
      expect(text).toContain('Avvikelse: en arkiverad fil stämmer inte med sin kontrollsumma');
      expect(text).toContain('PDF/A-filen har ändrats efter arkiveringen');
      expect(text).toMatch(/Schemalagd kontroll\s+Avvikelse/);
      await expectAccessible(page, 'arkivhandling med avvikelse', konsol);
      await page.setViewport({ width: 1100, height: 900 });
      await page.screenshot({ path: join(tmpdir(), 'arkivhandling-avvikelse.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('archives the sammanställning as it stood at avslut: one arkivhandling, its SHA-256 the bytes archived', async () => {
    const sandare = await t.as('remissansvarig@enkoping.demo');
    expect((await sandare.post(`/api/remisser/${demo.remissId}/avsluta`)).status).toBe(200);
    // A ställningstagande recorded after avslut is in the sammanställning, not in the copy archived at avslut.
    const [synpunkt] = (await sandare.get(`/api/remisser/${demo.remissId}/sammanstallning`)).body.avsnitt[0].synpunkter;
    const motivering = 'Synpunkten beaktas delvis efter avslutet.';
    const efter = await sandare.post(`/api/remisser/${demo.remissId}/synpunkter/${synpunkt.id}/stallningstagande`, {
      beslut: 'beaktas_delvis',
      motivering,
    });
    expect(efter.status).toBe(201);
    const arkiverade = () =>
      sql(
        t.db.url,
        `SELECT a.id, a.titel, a.sha256, a.metadata->>'riktning' AS riktning, h.beskrivning, h.datum::text AS datum,
                r.status::text AS status, r.message_id AS kvitto
           FROM arkivhandling a JOIN handling h ON h.id = a.handling_id
           JOIN sammanstallning_arkivering r ON r.arkivhandling_id = a.id
          WHERE a.metadata->>'dokumenttyp' = 'remissammanstallning'`,
      );
    // The outbox prints and archives it after avslut's commit.
    await waitUntil(async () => (await arkiverade()).some((a) => a.status === 'skickad'));
    const rader = await arkiverade();
    expect(rader).toHaveLength(1);
    const [rad] = rader;
    const [{ avslutad }] = await sql(
      t.db.url,
      `SELECT to_char(avslutad_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS avslutad FROM remiss WHERE id = $1`,
      [demo.remissId],
    );
    expect(rad).toMatchObject({
      titel: 'Remissammanställning: Förslag till policy för digital omställning',
      beskrivning: 'Remissammanställning: Förslag till policy för digital omställning',
      riktning: 'upprattad',
      datum: avslutad,
      kvitto: rad.id,
    });
    const original = await registrator.get(`/api/arkiv/${rad.id}/original.pdf`);
    expect(sha256(original.body)).toBe(rad.sha256);
    const text = await pdfText(original.body);
    for (const rad of ['Remissammanställning', 'KS2025/118', 'Utbildningsnämnden', avslutad])
      expect(text).toContain(rad);
    expect(text).not.toContain(motivering);
    expect(await pdfText((await sandare.get(`/api/remisser/${demo.remissId}/sammanstallning.pdf`)).body)).toContain(
      motivering,
    );
    expect(
      await sql(t.db.url, `SELECT anvandare_id, data->>'arkivhandlingId' AS id FROM audit_event WHERE handelse = $1`, [
        'remissammanstallning_arkiverad',
      ]),
    ).toEqual([{ anvandare_id: null, id: rad.id }]);
    // The sender's timeline says so, after the avslut, in the platform's name (no user did it).
    const { handelser } = (await sandare.get(`/api/remisser/${demo.remissId}/uppfoljning`)).body;
    expect(handelser.slice(-2)).toEqual([
      expect.objectContaining({ handelse: 'remiss_avslutad', text: 'Remissen avslutades' }),
      expect.objectContaining({
        text: 'Remissammanställningen registrerades i ärendet KS2025/118 och arkiverades',
        anvandare: null,
        instans: null,
      }),
    ]);
  }, 60_000);
});

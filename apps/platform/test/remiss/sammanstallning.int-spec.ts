import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformModule } from '../../src/platform.module';
import { sql } from '@app/database/testing/test-infrastructure';
import { remissUtkast, SIDA_5 } from '@app/remiss/testing/remiss-fixture';

/**
 * The sammanställning reads what the nämnder expedierade. The answers are written straight into the
 * tables here (the nämnd side's own tests drive drafting and expediering through its API); what is
 * checked is what the sender gets: grouping, counts, the CSV and the PDF text, and no draft.
 */
describe('remissammanställning of a sent remiss (real PostgreSQL, Chromium)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ks: ApiClient;
  let remiss: { id: string; diarienummer: string; handlingId: string };

  async function svar(
    namn: string,
    status: 'expedierat' | 'utkast',
    synpunkter: { typ: string; text: string; sida?: number; citat?: string; stryk?: string; ny?: string }[],
    innehall: { stallning?: string; fragesvar?: { fraga: number; text: string }[] } = {},
  ): Promise<void> {
    const [instans] = await sql(
      t.db.url,
      `SELECT id, mottagare_organisation_id AS org, mottagare_enhet_id AS enhet FROM remissinstans WHERE remiss_id = $1 AND namn = $2`,
      [remiss.id, namn],
    );
    const [rv] = await sql(
      t.db.url,
      `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, status, titel, expedierad_at, stallning, fragesvar)
       VALUES ($1, $2, $3, $4::remissvar_status, 'Svar på remiss', CASE WHEN $4::remissvar_status = 'expedierat' THEN now() END, $5, $6::jsonb)
       RETURNING id`,
      [
        instans.org,
        instans.enhet,
        instans.id,
        status,
        innehall.stallning ?? null,
        JSON.stringify(innehall.fragesvar ?? []),
      ],
    );
    for (const [n, s] of synpunkter.entries()) {
      await sql(
        t.db.url,
        `INSERT INTO synpunkt (remissvar_id, ordning, typ, text, remisshandling_id, sida, citat, stryk_text, ny_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          rv.id,
          n + 1,
          s.typ,
          s.text,
          s.sida ? remiss.handlingId : null,
          s.sida ?? null,
          s.citat ?? null,
          s.stryk ?? null,
          s.ny ?? null,
        ],
      );
    }
    if (status === 'expedierat')
      await sql(t.db.url, `UPDATE remissinstans SET status = 'besvarad', besvarad_at = now() WHERE id = $1`, [
        instans.id,
      ]);
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    ks = await t.as('remissansvarig@enkoping.demo');
    const enheter = (await ks.get('/api/remissmottagare')).body as {
      enhetId: string;
      kortnamn: string;
      organisation: string;
    }[];
    const enhet = (k: string) =>
      enheter.find((e) => e.kortnamn === k && e.organisation === 'Enköpings kommun')!.enhetId;
    remiss = await remissUtkast(ks, 'Förslag till policy för digital omställning', [
      { enhetId: enhet('UN') },
      { enhetId: enhet('SN') },
      { enhetId: enhet('TN') },
      { enhetId: enhet('KFN') },
    ]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);
    await svar(
      'Utbildningsnämnden',
      'expedierat',
      [
        {
          typ: 'invandning',
          sida: 5,
          citat: `${SIDA_5[0]} ${SIDA_5[1]}`,
          text: 'Vi bedömer att formuleringen i policyn är för kategorisk och bör omformuleras.',
        },
        {
          typ: 'andringsforslag',
          sida: 5,
          citat: SIDA_5[2],
          text: 'Formuleringen bör mjukas upp.',
          stryk: 'och genomför införandeprojekt',
          ny: 'och genomför vid behov egna pilotprojekt',
        },
        { typ: 'ovrigt', text: 'Utbildningsnämnden välkomnar initiativet.' },
      ],
      {
        stallning: 'tillstyrker_med_andringar',
        fragesvar: [{ fraga: 1, text: 'Ja, om pilotprojekt får finnas kvar.' }],
      },
    );
    await svar('Kultur- och fritidsnämnden', 'expedierat', [], {
      stallning: 'tillstyrker',
      fragesvar: [{ fraga: 1, text: 'Ja.' }],
    });
    await svar('Socialnämnden', 'utkast', [{ typ: 'invandning', sida: 5, citat: SIDA_5[1], text: 'HEMLIGT UTKAST' }], {
      stallning: 'avstyrker',
      fragesvar: [{ fraga: 1, text: 'HEMLIGT SVAR' }],
    });
    await sql(
      t.db.url,
      `UPDATE remissinstans SET status = 'avstar', avstod_at = now() WHERE remiss_id = $1 AND namn = 'Tekniska nämnden'`,
      [remiss.id],
    );
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('groups UN:s two quotations under page 5 of the remisshandling, with counts per kind; no draft', async () => {
    const res = await ks.get(`/api/remisser/${remiss.id}/sammanstallning`);
    expect(res.status).toBe(200);
    expect(res.body.avsnitt).toHaveLength(1);
    expect(res.body.avsnitt[0]).toMatchObject({
      handling: 'Förslag till policy för digital omställning',
      sida: 5,
      antalPerTyp: { medhall: 0, invandning: 1, andringsforslag: 1, ovrigt: 0 },
    });
    expect(
      res.body.avsnitt[0].synpunkter.map((s: { instans: string; citat: { sida: number } }) => [
        s.instans,
        s.citat.sida,
      ]),
    ).toEqual([
      ['Utbildningsnämnden', 5],
      ['Utbildningsnämnden', 5],
    ]);
    expect(res.body.utanHanvisning).toEqual([
      expect.objectContaining({ instans: 'Utbildningsnämnden', typ: 'ovrigt' }),
    ]);
    expect(res.body.avstod).toEqual(['Tekniska nämnden']);
    expect(res.body.ejSvarat).toEqual(['Socialnämnden']);
    expect(JSON.stringify(res.body)).not.toContain('HEMLIGT UTKAST');
  });

  it("lists the answers to the remiss' fråga across instanser and counts the positions, never a draft's", async () => {
    const res = await ks.get(`/api/remisser/${remiss.id}/sammanstallning`);
    expect(res.body.fragor).toEqual([
      {
        nummer: 1,
        fraga: 'Är inriktningen rimlig?',
        svar: [
          { instans: 'Kultur- och fritidsnämnden', text: 'Ja.' },
          { instans: 'Utbildningsnämnden', text: 'Ja, om pilotprojekt får finnas kvar.' },
        ],
      },
    ]);
    expect(res.body.stallningar).toEqual([
      { instans: 'Kultur- och fritidsnämnden', stallning: 'tillstyrker' },
      { instans: 'Utbildningsnämnden', stallning: 'tillstyrker_med_andringar' },
    ]);
    expect(res.body.antalPerStallning).toEqual({
      tillstyrker: 1,
      tillstyrker_med_andringar: 1,
      avstyrker: 0,
      inga_synpunkter: 0,
      avstar: 1,
      ej_angiven: 0,
    });
    expect(JSON.stringify(res.body)).not.toContain('HEMLIGT SVAR');
    const status = await ks.get(`/api/remisser/${remiss.id}/status`);
    expect(status.body.antal.stallning).toEqual({
      tillstyrker: 1,
      tillstyrker_med_andringar: 1,
      avstyrker: 0,
      inga_synpunkter: 0,
    });
    const perInstans = Object.fromEntries(
      status.body.instanser.map((i: { namn: string; stallning: string | null }) => [i.namn, i.stallning]),
    );
    expect(perInstans).toEqual({
      'Kultur- och fritidsnämnden': 'tillstyrker',
      Socialnämnden: null,
      'Tekniska nämnden': null,
      Utbildningsnämnden: 'tillstyrker_med_andringar',
    });
  });

  it('gives a CSV that Swedish Excel opens: BOM, semicolons, å ä ö', async () => {
    // Raw bytes: a text decoder (like ApiClient's) would swallow the BOM this test is about.
    const res = await fetch(`${t.url}/api/remisser/${remiss.id}/sammanstallning.csv`, {
      headers: { cookie: ks.sessionCookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Förslag till policy för digital omställning;5;Utbildningsnämnden;;Ändringsförslag;');
    expect(text).toContain('och genomför vid behov egna pilotprojekt');
    expect(text).toContain(
      ';;Utbildningsnämnden;;Svar på fråga 1;;Är inriktningen rimlig?;Ja, om pilotprojekt får finnas kvar.;;',
    );
    expect(text).toContain(';;Kultur- och fritidsnämnden;;Ställning;;;tillstyrker;;');
    expect(text).not.toContain('HEMLIGT');
  });

  it('renders the PDF with the quotations and the dnr', async () => {
    const res = await ks.get(`/api/remisser/${remiss.id}/sammanstallning.pdf`);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const file = join(mkdtempSync(join(tmpdir(), 'sammanstallning-')), 's.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', [file, '-']).toString('utf8').replace(/\s+/g, ' ');
    expect(text).toContain(remiss.diarienummer);
    expect(text).toContain('Vi drar erfarenhet från andras pilotstudier');
    expect(text).toContain('Tekniska nämnden');
    expect(text).toContain('Remissinstansernas ställning 1 tillstyrker, 1 tillstyrker med ändringar, 1 avstår');
    expect(text).toContain(
      'Svar på remissens frågor Fråga 1: Är inriktningen rimlig? Kultur- och fritidsnämnden Ja. Utbildningsnämnden Ja, om pilotprojekt får finnas kvar.',
    );
    expect(text).not.toContain('HEMLIGT');
  });

  describe('ställningstaganden per synpunkt', () => {
    const synpunktId = async (instans: string, status = 'expedierat') => {
      const [rad] = await sql(
        t.db.url,
        `SELECT s.id FROM synpunkt s JOIN remissvar rv ON rv.id = s.remissvar_id JOIN remissinstans i ON i.id = rv.remissinstans_id
          WHERE i.remiss_id = $1 AND i.namn = $2 AND rv.status = $3::remissvar_status ORDER BY s.ordning LIMIT 1`,
        [remiss.id, instans, status],
      );
      return rad.id as string;
    };
    const vag = (id: string) => `/api/remisser/${remiss.id}/synpunkter/${id}/stallningstagande`;

    it('records a version per change with its audit event; motivering required where the synpunkt is not (fully) taken in', async () => {
      const id = await synpunktId('Utbildningsnämnden');
      const utan = await ks.post(vag(id), { beslut: 'beaktas_inte', motivering: '  ' });
      expect([utan.status, utan.body.fel]).toEqual([
        400,
        [
          {
            falt: 'motivering',
            meddelande: 'Skriv en motivering: varför synpunkten beaktas delvis eller inte beaktas.',
          },
        ],
      ]);
      const okant = await ks.post(vag(id), { beslut: 'kanske' });
      expect([okant.status, okant.body.fel?.[0]?.falt]).toEqual([400, 'beslut']);
      const forsta = await ks.post(vag(id), { beslut: 'noteras' });
      expect([forsta.status, forsta.body]).toEqual([
        201,
        expect.objectContaining({
          synpunktId: id,
          version: 1,
          beslut: 'noteras',
          motivering: '',
          av: expect.any(String),
        }),
      ]);
      const andra = await ks.post(vag(id), { beslut: 'beaktas_delvis', motivering: 'Formuleringen mjukas upp.' });
      expect([andra.status, andra.body.version]).toEqual([201, 2]);
      const vy = await ks.get(vag(id));
      expect(vy.body.aktuellt).toMatchObject({ version: 2, beslut: 'beaktas_delvis' });
      expect(vy.body.historik.map((h: { version: number }) => h.version)).toEqual([2, 1]);
      expect(vy.body.synpunkt).toMatchObject({ id, instans: 'Utbildningsnämnden', typ: 'invandning' });
      const sammanstallning = await ks.get(`/api/remisser/${remiss.id}/sammanstallning`);
      expect(sammanstallning.body.avsnitt[0].synpunkter[0].stallningstagande).toMatchObject({
        version: 2,
        beslut: 'beaktas_delvis',
        motivering: 'Formuleringen mjukas upp.',
      });
      const handelser = await sql(
        t.db.url,
        `SELECT data->>'version' AS version FROM audit_event WHERE handelse = 'stallningstagande_registrerat' AND objekt_id = $1 ORDER BY created_at`,
        [id],
      );
      expect(handelser.map((h) => h.version)).toEqual(['1', '2']);
      // History is the table: a row is never changed.
      await expect(
        sql(t.db.url, `UPDATE stallningstagande SET beslut = 'beaktas' WHERE synpunkt_id = $1`, [id]),
      ).rejects.toThrow();
    });

    it("refuses a draft's synpunkt, another organisation and other roles, writing nothing", async () => {
      const utkast = await synpunktId('Socialnämnden', 'utkast');
      expect((await ks.post(vag(utkast), { beslut: 'beaktas' })).status).toBe(404);
      const id = await synpunktId('Utbildningsnämnden');
      const fore = await sql(t.db.url, `SELECT count(*)::int AS n FROM stallningstagande`);
      const vadstena = await t.as('remissansvarig@vadstena.demo');
      expect((await vadstena.post(vag(id), { beslut: 'beaktas' })).status).toBe(404);
      expect((await vadstena.get(vag(id))).status).toBe(404);
      const un = await t.as('un.sekreterare@enkoping.demo');
      expect((await un.post(vag(id), { beslut: 'beaktas' })).status).toBe(403);
      expect(await sql(t.db.url, `SELECT count(*)::int AS n FROM stallningstagande`)).toEqual(fore);
    });
  });
});

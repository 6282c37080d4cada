import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, formatDeadline, nextWorkingDay } from '@app/core';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlatformModule } from '../../src/platform.module';
import { krypteradPdf, pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { sql } from '@app/database/testing/test-infrastructure';
import { OkandaLankar } from '@app/svar';
import { forstaGiltigaSvarsdatum, koppla, pdfForm, remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { personligToken } from '@app/mail/testing/epost-lankar';

const pdftotext = (pdf: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'missiv-')), 'a.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
};

describe('sending and following a remiss (real PostgreSQL, Redis, Chromium, SMTP sink)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ks: ApiClient;
  let enheter: { enhetId: string; kortnamn: string; organisation: string }[];
  const enhet = (kortnamn: string, org = 'Enköpings kommun') =>
    enheter.find((e) => e.kortnamn === kortnamn && e.organisation === org)!.enhetId;
  let remiss: { id: string; diarienummer: string; handlingId: string };
  let externToken: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, {
      config: {
        SMTP_URL: sink.url,
        OUTBOX_RETRY_BASE_MS: '200',
        OUTBOX_RETRY_MAX_MS: '500',
        OUTBOX_STALLED_MS: '2000',
        OUTBOX_RECONCILE_MS: '1000',
        PUBLIC_URL: 'https://remiss.example.se',
      },
    });
    ks = await t.as('remissansvarig@enkoping.demo');
    // Vadstena takes remisser from Enköping, so its Barn- och utbildningsnämnd can be an instans.
    await koppla(await t.as('admin@vadstena.demo'), 'Enköpings kommun');
    enheter = (await ks.get('/api/remissmottagare')).body;
    remiss = await remissUtkast(ks, 'Förslag till policy för digital omställning', [
      { enhetId: enhet('UN') },
      { enhetId: enhet('SN') },
      { enhetId: enhet('BUN', 'Vadstena kommun') },
      { namn: 'Region Uppsala', epost: 'registrator@regionuppsala.se' },
    ]);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('refuses to send a draft without a remisshandling', async () => {
    const tom = await ks.post('/api/remisser', {
      arendemening: 'Utan handling',
      svarsdatum: forstaGiltigaSvarsdatum(),
      mottagare: [{ enhetId: enhet('UN') }],
    });
    const res = await ks.post(`/api/remisser/${tom.body.id}/skicka`);
    expect([res.status, res.body.code]).toEqual([400, 'NO_REMISSHANDLING']);
    expect(await sql(t.db.url, 'SELECT id FROM remissinstans WHERE remiss_id = $1', [tom.body.id])).toEqual([]);
  });

  it('sends: instanser inbjudna, missiv stored and registered, reminders planned, mails queued and delivered', async () => {
    const res = await ks.post(`/api/remisser/${remiss.id}/skicka`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('utskickad');

    const instanser = await sql(
      t.db.url,
      'SELECT namn, status, extern_epost FROM remissinstans WHERE remiss_id = $1 ORDER BY namn',
      [remiss.id],
    );
    expect(instanser.map((i) => [i.namn, i.status])).toEqual([
      ['Region Uppsala', 'inbjuden'],
      ['Socialnämnden', 'inbjuden'],
      ['Utbildningsnämnden', 'inbjuden'],
      ['Vadstena kommun, Barn- och utbildningsnämnden', 'inbjuden'],
    ]);
    const [handling] = await sql(
      t.db.url,
      `SELECT h.riktning, h.beskrivning, f.sha256, f.data FROM handling h JOIN fil f ON f.id = h.fil_id JOIN remiss r ON r.arende_id = h.arende_id WHERE r.id = $1`,
      [remiss.id],
    );
    expect(handling).toMatchObject({
      riktning: 'utgaende',
      beskrivning: 'Remiss: Förslag till policy för digital omställning',
    });
    const missiv = pdftotext(handling.data);
    expect(missiv).toContain(remiss.diarienummer);
    expect(missiv).toContain('Förslag till policy för digital omställning');
    // The missiv asks for the dnr once (its template says it; the instructions used to say it again).
    expect(missiv.replace(/\s+/g, ' ').match(/Ange diarienummer/g)).toHaveLength(1);
    const planerade = await sql(
      t.db.url,
      `SELECT count(*)::int AS n FROM paminnelse p JOIN remissinstans i ON i.id = p.remissinstans_id WHERE i.remiss_id = $1`,
      [remiss.id],
    );
    expect(planerade[0].n).toBeGreaterThan(0);

    const mails = await sink.waitFor(4, 20_000);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([
      'bun@vadstena.se',
      'registrator@regionuppsala.se',
      'sn@enkoping.se',
      'un@enkoping.se',
    ]);
    for (const m of mails) {
      expect(m.subject).toBe(
        `${remiss.diarienummer} Remiss från Kommunstyrelsen i Enköpings kommun: Förslag till policy för digital omställning`,
      );
      // Another kommun's nämnd, and an external party, learn whose remiss it is; a reply reaches the sender, not the no-reply address.
      expect(m.text).toContain('Kommunstyrelsen i Enköpings kommun skickar remissen');
      expect(m.replyTo).toBe('remissansvarig@enkoping.demo');
      expect(m.from).toContain('Kommunstyrelsen i Enköpings kommun via Remissplattformen');
      expect(m.text).toContain(formatDeadline(forstaGiltigaSvarsdatum()));
    }
    // A nämnd is sent to the page of its instans (where it registers and answers), an external party to its own link.
    const instansId = async (namn: string) =>
      (await sql(t.db.url, 'SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = $2', [remiss.id, namn]))[0].id;
    expect(sink.to('un@enkoping.se')[0].text).toContain(
      `https://remiss.example.se/inkorg/${await instansId('Utbildningsnämnden')}\n`,
    );
    expect(sink.to('bun@vadstena.se')[0].text).toContain(
      `https://remiss.example.se/inkorg/${await instansId('Vadstena kommun, Barn- och utbildningsnämnden')}\n`,
    );
    const extern = sink.to('registrator@regionuppsala.se')[0];
    expect(extern.text).toMatch(/https:\/\/remiss\.example\.se\/svara\/[A-Za-z0-9_-]{43}\n/);
    for (const m of mails) expect(m.text).not.toContain('/api/');
    externToken = personligToken(extern.text);
    // Only the token's hash is stored.
    expect(
      await sql(t.db.url, `SELECT id FROM extern_atkomst WHERE token_hash = $1::bytea`, [Buffer.from(externToken)]),
    ).toEqual([]);
    expect(
      (
        await sql(
          t.db.url,
          `SELECT count(*)::int AS n FROM extern_atkomst WHERE token_hash = sha256(convert_to($1, 'UTF8'))`,
          [externToken],
        )
      )[0].n,
    ).toBe(1);
  }, 60_000);

  it('has frozen the remiss: a second send and an edit give 409 naming the state', async () => {
    const again = await ks.post(`/api/remisser/${remiss.id}/skicka`);
    expect([again.status, again.body.details.currentState]).toEqual([409, 'utskickad']);
    const edit = await ks.patch(`/api/remisser/${remiss.id}`, { arendemening: 'Ändrad' });
    expect([edit.status, edit.body.message]).toEqual([409, "Cannot edit remiss in state 'utskickad'"]);
    const upload = await ks.post(
      `/api/remisser/${remiss.id}/handlingar`,
      pdfForm(await pdfMedSidor([['Ny']]), 'ny.pdf'),
    );
    expect([upload.status, upload.body.code, upload.body.meddelande]).toEqual([
      409,
      'ILLEGAL_STATE',
      'Det går inte att lägga till en remisshandling när remissen är utskickad.',
    ]);
  });

  it('the recipient nämnd reads the sent remiss, its handling and the missiv; another kommun sees only its own instans', async () => {
    const un = await t.as('un.sekreterare@enkoping.demo');
    expect((await un.get(`/api/remisser/${remiss.id}/handlingar/${remiss.handlingId}/fil`)).status).toBe(200);
    expect((await un.get(`/api/remisser/${remiss.id}/missiv`)).headers.get('content-type')).toBe('application/pdf');
    const vadstena = await t.as('remissansvarig@vadstena.demo');
    const sedd = await vadstena.get(`/api/remisser/${remiss.id}`);
    expect(sedd.status).toBe(200);
    expect(sedd.body.instanser.map((i: { namn: string }) => i.namn)).toEqual([
      'Vadstena kommun, Barn- och utbildningsnämnden',
    ]);
    expect(sedd.body.utkastMottagare).toBeUndefined();
  });

  it('the external party reads the remiss through its link and answers with a PDF, once', async () => {
    const anon = t.anonymous();
    const visa = await anon.get(`/api/extern/${externToken}`);
    expect(visa.status).toBe(200);
    expect(visa.body).toMatchObject({
      remiss: { diarienummer: remiss.diarienummer },
      instans: { namn: 'Region Uppsala', status: 'inbjuden' },
    });
    expect((await anon.get(`/api/extern/${externToken}/handlingar/${remiss.handlingId}`)).status).toBe(200);
    expect((await anon.get(`/api/extern/${externToken}/missiv`)).headers.get('content-type')).toBe('application/pdf');

    const krypterad = await anon.post(`/api/extern/${externToken}/svar`, pdfForm(await krypteradPdf(), 'svar.pdf'));
    expect([krypterad.status, krypterad.body.code]).toEqual([422, 'PDF_ENCRYPTED']);

    const svar = await anon.post(
      `/api/extern/${externToken}/svar`,
      pdfForm(await pdfMedSidor([['Region Uppsala tillstyrker förslaget.']]), 'svar.pdf'),
    );
    expect([svar.status, svar.body]).toEqual([201, { status: 'besvarad' }]);
    const [inkommande] = await sql(
      t.db.url,
      `SELECT h.motpart, h.beskrivning FROM handling h JOIN remiss r ON r.arende_id = h.arende_id WHERE r.id = $1 AND h.riktning = 'inkommande'`,
      [remiss.id],
    );
    expect(inkommande).toEqual({ motpart: 'Region Uppsala', beskrivning: 'Remissvar från Region Uppsala' });

    // The link now shows what was sent, read-only; answering again is refused.
    const igen = await anon.get(`/api/extern/${externToken}`);
    expect([igen.status, igen.body.lage, igen.body.skickat]).toEqual([
      200,
      'skickat',
      {
        satt: 'pdf',
        mottagetAt: expect.any(String),
        remissvar: null,
        filer: [
          { filnamn: expect.stringMatching(/-Region-Uppsala\.pdf$/), mimetyp: 'application/pdf', lank: 'skickat/pdf' },
        ],
        motivering: null,
      },
    ]);
    const skickad = await anon.get(`/api/extern/${externToken}/skickat/pdf`);
    expect([skickad.status, skickad.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const andraSvaret = await anon.post(
      `/api/extern/${externToken}/svar`,
      pdfForm(await pdfMedSidor([['Ett andra svar.']]), 'svar.pdf'),
    );
    expect([andraSvaret.status, andraSvaret.body.code]).toEqual([410, 'LINK_USED']);
    const okand = await anon.get(`/api/extern/${'A'.repeat(43)}`);
    expect([okand.status, okand.body.code]).toEqual([404, 'LINK_NOT_FOUND']);
    const nekade = await sql(
      t.db.url,
      `SELECT data->>'orsak' AS orsak FROM audit_event WHERE handelse = 'extern_lank_nekad' ORDER BY id`,
    );
    expect(nekade.map((n) => n.orsak)).toEqual(['anvand']);
    // An unknown token is counted, not audited by itself: one summary row when the count is written.
    await t.app.get(OkandaLankar).flush();
    const okanda = await sql(
      t.db.url,
      `SELECT organisation_id, data->'antal' AS antal, data->'perHandling' AS per FROM audit_event WHERE handelse = 'extern_lank_okand'`,
    );
    expect(okanda).toEqual([{ organisation_id: null, antal: 1, per: { visa: 1 } }]);

    const status = await ks.get(`/api/remisser/${remiss.id}/status`);
    expect(status.body.antal).toMatchObject({ totalt: 4, inbjuden: 3, besvarad: 1, forsenad: 0 });
    const region = status.body.instanser.find((i: { namn: string }) => i.namn === 'Region Uppsala');
    expect(region).toMatchObject({
      typ: 'extern',
      status: 'besvarad',
      forsenad: false,
      externSvarsfil: true,
      remissvarId: null,
    });
    const pdf = await ks.get(`/api/remisser/${remiss.id}/instanser/${region.id}/svar.pdf`);
    expect(pdftotext(pdf.body as Buffer)).toContain('Region Uppsala tillstyrker förslaget.');
    expect(pdf.headers.get('content-disposition')).toContain('Region-Uppsala');
  });

  it('grants anstånd to one instans: later svarsdatum, reason, reminders replanned, the nämnd told', async () => {
    const un = (
      await sql(
        t.db.url,
        `SELECT id, svarsdatum::text FROM remissinstans WHERE remiss_id = $1 AND namn = 'Utbildningsnämnden'`,
        [remiss.id],
      )
    )[0];
    const nytt = nextWorkingDay(addDays(un.svarsdatum, 14));
    const helg = await ks.post(`/api/remisser/${remiss.id}/instanser/${un.id}/anstand`, {
      svarsdatum: '2030-06-22',
      orsak: 'Midsommar',
    });
    expect([helg.status, helg.body.code]).toEqual([400, 'INVALID_SVARSDATUM']);
    const before = sink.received.length;
    const res = await ks.post(`/api/remisser/${remiss.id}/instanser/${un.id}/anstand`, {
      svarsdatum: nytt,
      orsak: 'Nämnden sammanträder senare',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ svarsdatum: nytt, anstandOrsak: 'Nämnden sammanträder senare' });
    const paminnelser = await sql(
      t.db.url,
      `SELECT DISTINCT svarsdatum::text FROM paminnelse WHERE remissinstans_id = $1 AND status = 'planerad'`,
      [un.id],
    );
    expect(paminnelser.map((p) => p.svarsdatum)).toEqual([nytt]);
    const deadline = Date.now() + 15_000;
    while (!sink.received.slice(before).some((m) => m.subject.includes('Anstånd')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const mail = sink.received.slice(before).find((m) => m.subject.includes('Anstånd'))!;
    expect(mail.to).toEqual(['un@enkoping.se']);
    expect(mail.subject).toBe(
      `${remiss.diarienummer} Anstånd till ${nytt}: Förslag till policy för digital omställning`,
    );
    expect(mail.replyTo).toBe('remissansvarig@enkoping.demo');
    expect(mail.text).toContain('Kommunstyrelsen i Enköpings kommun har gett er anstånd');
    expect(mail.text).toContain(formatDeadline(nytt));
    expect(mail.text).toContain(`Remissen i Remissplattformen:\nhttps://remiss.example.se/inkorg/${un.id}\n`);
  });

  it('keeps a send when SMTP is down; the queued mails arrive once it is back', async () => {
    const andra = await remissUtkast(ks, 'Riktlinjer för bidrag', [{ enhetId: enhet('TN') }]);
    await sink.stop();
    try {
      const res = await ks.post(`/api/remisser/${andra.id}/skicka`);
      expect([res.status, res.body.status]).toEqual([200, 'utskickad']);
    } finally {
      await sink.start();
    }
    const deadline = Date.now() + 20_000;
    while (!sink.to('tn@enkoping.se').length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(sink.to('tn@enkoping.se').map((m) => m.subject)).toEqual([
      `${andra.diarienummer} Remiss från Kommunstyrelsen i Enköpings kommun: Riktlinjer för bidrag`,
    ]);
  }, 60_000);

  it('sends a remiss once when two sends race: one 200, one 409, one set of instanser', async () => {
    const tredje = await remissUtkast(ks, 'Avfallsplan', [{ enhetId: enhet('KFN') }]);
    const svar = await Promise.all([
      ks.post(`/api/remisser/${tredje.id}/skicka`),
      ks.post(`/api/remisser/${tredje.id}/skicka`),
    ]);
    expect(svar.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(
      (await sql(t.db.url, 'SELECT count(*)::int AS n FROM remissinstans WHERE remiss_id = $1', [tredje.id]))[0].n,
    ).toBe(1);
    expect(
      (
        await sql(
          t.db.url,
          `SELECT count(*)::int AS n FROM audit_event WHERE handelse = 'remiss_utskickad' AND objekt_id = $1`,
          [tredje.id],
        )
      )[0].n,
    ).toBe(1);
  }, 60_000);

  it('a nämnd of another kommun registers the remiss: the missiv enters its diarium as its own copy, not the sender’s row', async () => {
    await sql(
      t.db.url,
      `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll)
       SELECT a.id, $1, 'namndsekreterare' FROM anvandare a WHERE a.epost = 'remissansvarig@vadstena.demo'`,
      [enhet('BUN', 'Vadstena kommun')],
    );
    const vadstena = await t.as('remissansvarig@vadstena.demo');
    const [instans] = await sql(
      t.db.url,
      `SELECT id FROM remissinstans WHERE remiss_id = $1 AND mottagare_enhet_id = $2`,
      [remiss.id, enhet('BUN', 'Vadstena kommun')],
    );
    expect((await vadstena.post(`/api/remissinstanser/${instans.id}/registrera`, {})).status).toBe(200);
    const [kopia] = await sql(
      t.db.url,
      `SELECT f.id, f.organisation_id = a.organisation_id AS egen, f.sha256, m.sha256 AS missiv_sha256, f.id = m.id AS samma_rad
         FROM remissinstans i JOIN arende a ON a.id = i.mottagare_arende_id JOIN handling h ON h.arende_id = a.id
         JOIN fil f ON f.id = h.fil_id JOIN remiss r ON r.id = i.remiss_id JOIN fil m ON m.id = r.missiv_fil_id
        WHERE i.id = $1`,
      [instans.id],
    );
    expect(kopia).toMatchObject({ egen: true, samma_rad: false, sha256: kopia.missiv_sha256 });
  });

  it('återkallar: status, reason, links closed, open instanser told; then every change is refused', async () => {
    const before = sink.received.length;
    const res = await ks.post(`/api/remisser/${remiss.id}/aterkalla`, { orsak: 'Förslaget omarbetas' });
    expect([res.status, res.body.status, res.body.aterkalladOrsak]).toEqual([200, 'aterkallad', 'Förslaget omarbetas']);
    const aterkallelser = () => sink.received.slice(before).filter((m) => m.subject.includes('återkallas'));
    const deadline = Date.now() + 15_000;
    while (aterkallelser().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const mails = aterkallelser();
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['bun@vadstena.se', 'sn@enkoping.se', 'un@enkoping.se']);
    expect(mails[0].subject).toBe(
      `${remiss.diarienummer} Remissen återkallas: Förslag till policy för digital omställning`,
    );
    for (const m of mails) {
      expect(m.text).toContain('Kommunstyrelsen i Enköpings kommun har återkallat remissen');
      expect(m.replyTo).toBe('remissansvarig@enkoping.demo');
    }
    expect(
      (
        await sql(
          t.db.url,
          `SELECT count(*)::int AS n FROM paminnelse p JOIN remissinstans i ON i.id = p.remissinstans_id WHERE i.remiss_id = $1 AND p.status = 'planerad'`,
          [remiss.id],
        )
      )[0].n,
    ).toBe(0);
    const avsluta = await ks.post(`/api/remisser/${remiss.id}/avsluta`);
    expect([avsluta.status, avsluta.body.details.currentState]).toEqual([409, 'aterkallad']);
    expect(avsluta.body.meddelande).toBe('Det går inte att avsluta remissen när den är återkallad.');
  });
});

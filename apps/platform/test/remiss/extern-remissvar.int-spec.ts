import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from '@app/database/testing/test-infrastructure';
import { SmtpSink } from '@app/mail/testing/smtp-sink';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { remissUtkast, SIDA_5 } from '@app/remiss/testing/remiss-fixture';
import { OpenApiDokument, schemaDepartures } from '@app/runtime/testing/openapi-schema';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { ExternService } from '@app/svar';
import { PlatformModule } from '../../src/platform.module';
import { personligToken } from '@app/mail/testing/epost-lankar';

/**
 * An external remissinstans (no account) answers with the same structured form as a nämnd,
 * through its personal link only: saves, comes back, sends; gets a kvittens mail with the answer
 * as PDF; the link then shows what was sent; the sender's sammanställning has its synpunkter.
 */
describe('external remissinstanser answer with the structured form (real PostgreSQL, Chromium, SMTP sink)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let ks: ApiClient;
  let remiss: { id: string; diarienummer: string; handlingId: string };
  let region: string;
  /** The saved answer's version, as the next save and the send must name it. */
  let version: number;
  let openapi: OpenApiDokument;
  let remissvarId: string;
  /** The answer is what the OpenAPI document says it is (no field undeclared, none required missing). */
  const asDocumented = (res: { body: unknown }, method: string, path: string) =>
    expect(schemaDepartures(openapi, res.body, method, path)).toEqual([]);

  /** The personal link's token, from the invitation mail (the API path or the page's). */
  const token = async (epost: string) => {
    const deadline = Date.now() + 15_000;
    while (!sink.to(epost).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return personligToken(sink.to(epost)[0].text);
  };
  const mailTill = async (epost: string, amne: RegExp) => {
    const deadline = Date.now() + 15_000;
    const funnen = () => sink.to(epost).find((m) => amne.test(m.subject));
    while (!funnen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return funnen()!;
  };
  const synpunkt = (handlingId: string) => ({
    typ: 'invandning',
    rubrik: 'Pilotstudier',
    text: 'Regionen delar inte bedömningen; egna piloter behövs för vårdens system.',
    remisshandlingId: handlingId,
    sida: 5,
    citat: SIDA_5[1],
  });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await startTestApp(PlatformModule.forRoot, { config: { SMTP_URL: sink.url } });
    ks = await t.as('remissansvarig@enkoping.demo');
    remiss = await remissUtkast(ks, 'Förslag till policy för digital omställning', [
      { namn: 'Region Uppsala', epost: 'region@example.se' },
      { namn: 'Länsstyrelsen i Uppsala län', epost: 'lst@example.se' },
      { namn: 'Naturskyddsföreningen', epost: 'nf@example.se' },
    ]);
    expect((await ks.post(`/api/remisser/${remiss.id}/skicka`)).status).toBe(200);
    region = await token('region@example.se');
    openapi = (await t.anonymous().get('/api/docs-json')).body as OpenApiDokument;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('saves a started answer and continues it through the same link; bad quotes and stale saves write nothing', async () => {
    const anon = t.anonymous();
    const forst = await anon.get(`/api/extern/${region}`);
    expect(forst.body).toMatchObject({ lage: 'oppen', utkast: null, skickat: null, instans: { status: 'inbjuden' } });
    asDocumented(forst, 'GET', '/api/extern/{token}');

    const felCitat = await anon.put(`/api/extern/${region}/remissvar`, {
      inledning: 'Region Uppsala har tagit del av remissen.',
      avslutning: '',
      synpunkter: [{ ...synpunkt(remiss.handlingId), citat: 'Det här står inte i policyn.' }],
    });
    expect([felCitat.status, felCitat.body.code]).toEqual([422, 'CITAT_SAKNAS']);
    expect(await sql(t.db.url, `SELECT id FROM remissvar`)).toEqual([]);

    const sparat = await anon.put(`/api/extern/${region}/remissvar`, {
      inledning: 'Region Uppsala har tagit del av remissen.',
      avslutning: 'Regionen ser fram emot fortsatt samverkan.',
      synpunkter: [synpunkt(remiss.handlingId)],
      diarienummer: 'RS 2025-0042',
      kontaktperson: { namn: 'Lena Ek' },
    });
    expect(sparat.status).toBe(200);
    expect(sparat.body).toMatchObject({
      status: 'utkast',
      version: 1,
      titel: 'Svar på remiss om förslag till policy för digital omställning',
      diarienummer: 'RS 2025-0042',
      kontaktperson: { namn: 'Lena Ek', epost: null, telefon: null },
      synpunkter: [{ typ: 'invandning', sida: 5, citat: SIDA_5[1] }],
    });
    expect(sparat.body).not.toHaveProperty('organisationId');
    remissvarId = sparat.body.id;
    asDocumented(sparat, 'PUT', '/api/extern/{token}/remissvar');

    // Like a nämnd's draft, nobody at the sender sees it; the instans is under beredning.
    expect((await ks.get(`/api/remissvar/${sparat.body.id}`)).status).toBe(404);
    expect((await ks.get(`/api/remisser/${remiss.id}/sammanstallning`)).body.avsnitt).toEqual([]);

    // Later, through the same link: the draft is there to continue.
    const igen = await anon.get(`/api/extern/${region}`);
    expect(igen.body).toMatchObject({
      lage: 'oppen',
      instans: { status: 'under_beredning' },
      utkast: { id: sparat.body.id, version: 1, synpunkter: [{ citat: SIDA_5[1] }] },
    });
    asDocumented(igen, 'GET', '/api/extern/{token}');
    const fortsatt = await anon.put(`/api/extern/${region}/remissvar`, {
      version: 1,
      inledning: 'Region Uppsala har tagit del av remissen.',
      avslutning: 'Regionen ser fram emot fortsatt samverkan.',
      synpunkter: [
        { id: sparat.body.synpunkter[0].id, ...synpunkt(remiss.handlingId) },
        { typ: 'ovrigt', text: 'Regionen vill bjudas in till arbetet med handlingsplanen.' },
      ],
      stallning: 'tillstyrker_med_andringar',
      fragesvar: [{ fraga: 1, text: 'Inriktningen är rimlig, men egna piloter behövs.' }],
      diarienummer: 'RS 2025-0042',
      kontaktperson: { namn: 'Lena Ek', epost: 'lena.ek@regionuppsala.se', telefon: '018-611 00 00' },
    });
    expect([fortsatt.status, fortsatt.body.version, fortsatt.body.synpunkter.length]).toEqual([200, 2, 2]);
    // The same model as a nämnd's: the synpunkt kept its id, the position and the fråga's answer are stored.
    expect(fortsatt.body).toMatchObject({
      synpunkter: [{ id: sparat.body.synpunkter[0].id }, { typ: 'ovrigt' }],
      stallning: 'tillstyrker_med_andringar',
      fragesvar: [{ fraga: 1, text: 'Inriktningen är rimlig, men egna piloter behövs.' }],
    });
    version = fortsatt.body.version;

    const inaktuell = await anon.put(`/api/extern/${region}/remissvar`, {
      version: 1,
      inledning: 'Någon annans ändring.',
      avslutning: '',
      synpunkter: [],
    });
    expect([inaktuell.status, inaktuell.body.code]).toEqual([409, 'STALE_VERSION']);
    expect(inaktuell.body.details).toMatchObject({ currentVersion: 2, andringar: [{ version: 2 }] });
    const utanVersion = await anon.put(`/api/extern/${region}/remissvar`, {
      inledning: '',
      avslutning: '',
      synpunkter: [],
    });
    expect([utanVersion.status, utanVersion.body.code]).toEqual([428, 'VERSION_REQUIRED']);

    const historik = await anon.get(`/api/extern/${region}/remissvar/revisioner`);
    expect(historik.body.items.map((r: { version: number; andring: string }) => [r.version, r.andring])).toEqual([
      [
        2,
        'Synpunkt 2 tillagd; svar på fråga 1 tillagt; ställning ändrad till tillstyrker med ändringar; kontaktperson ändrad.',
      ],
      [1, 'Utkast skapat.'],
    ]);
    asDocumented(historik, 'GET', '/api/extern/{token}/remissvar/revisioner');
    const v1 = await anon.get(`/api/extern/${region}/remissvar/revisioner/1`);
    expect(v1.body.innehall).toMatchObject({
      diarienummer: 'RS 2025-0042',
      kontaktperson: { namn: 'Lena Ek', epost: null },
      synpunkter: [{ id: sparat.body.synpunkter[0].id, citat: SIDA_5[1] }],
    });
    asDocumented(v1, 'GET', '/api/extern/{token}/remissvar/revisioner/{version}');

    const forhandsvisning = await anon.get(`/api/extern/${region}/remissvar/forhandsvisning`);
    expect(forhandsvisning.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(forhandsvisning.body)).toContain('Region Uppsala');
  }, 60_000);

  it('refuses to send without someone to send the kvittens to, or without a position, naming the fields', async () => {
    const lst = await token('lst@example.se');
    const anon = t.anonymous();
    const sparat = await anon.put(`/api/extern/${lst}/remissvar`, {
      inledning: 'Länsstyrelsen har inga synpunkter.',
      avslutning: '',
      synpunkter: [],
    });
    const skicka = await anon.post(`/api/extern/${lst}/remissvar/skicka`, { version: sparat.body.version });
    expect([skicka.status, skicka.body.code, skicka.body.fel?.map((f: { falt: string }) => f.falt)]).toEqual([
      422,
      'EXTERN_KONTAKTPERSON_SAKNAS',
      ['kontaktperson.namn', 'kontaktperson.epost'],
    ]);
    const utanStallning = await anon.put(`/api/extern/${lst}/remissvar`, {
      version: sparat.body.version,
      inledning: 'Länsstyrelsen har inga synpunkter.',
      avslutning: '',
      synpunkter: [],
      kontaktperson: { namn: 'Per Holm', epost: 'per.holm@lansstyrelsen.se' },
    });
    const andraForsoket = await anon.post(`/api/extern/${lst}/remissvar/skicka`, {
      version: utanStallning.body.version,
    });
    expect([andraForsoket.status, andraForsoket.body.fel]).toEqual([
      400,
      [{ falt: 'stallning', meddelande: expect.stringContaining('Ange svarets ställning') }],
    ]);
    expect((await anon.get(`/api/extern/${lst}`)).body.lage).toBe('oppen');
    expect(sink.to('per.holm@lansstyrelsen.se')).toEqual([]);

    // A started answer survives a new link (the old one leaked, say): the new link continues it.
    const [instans] = await sql(
      t.db.url,
      `SELECT id, status FROM remissinstans WHERE remiss_id = $1 AND namn = 'Länsstyrelsen i Uppsala län'`,
      [remiss.id],
    );
    expect(instans.status).toBe('under_beredning');
    expect((await ks.post(`/api/remisser/${remiss.id}/instanser/${instans.id}/lank`)).status).toBe(200);
    const deadline = Date.now() + 15_000;
    while (sink.to('lst@example.se').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const nyLank = personligToken(sink.to('lst@example.se')[1].text);
    expect((await anon.get(`/api/extern/${lst}`)).status).toBe(410);
    expect((await anon.get(`/api/extern/${nyLank}`)).body).toMatchObject({
      lage: 'oppen',
      utkast: { version: utanStallning.body.version, kontaktperson: { namn: 'Per Holm' } },
    });
  });

  it('sends: a kvittens, a mail with the answer as PDF, registered with the sender; then the link shows it read-only', async () => {
    const anon = t.anonymous();
    const inaktuell = await anon.post(`/api/extern/${region}/remissvar/skicka`, { version: version - 1 });
    expect([inaktuell.status, inaktuell.body.code]).toEqual([409, 'STALE_VERSION']);

    // Two sends at once (a double click): one answer is received, the other is refused.
    const [skickat, samtidigt] = (
      await Promise.all([0, 1].map(() => anon.post(`/api/extern/${region}/remissvar/skicka`, { version })))
    ).sort((a, b) => a.status - b.status);
    expect(skickat.status).toBe(200);
    expect([
      [409, 'LINK_ANSWER_IN_PROGRESS'],
      [410, 'LINK_USED'],
    ]).toContainEqual([samtidigt.status, samtidigt.body.code]);
    const filnamn = `${remiss.diarienummer.replace('/', '-')}-Region-Uppsala.pdf`;
    expect(skickat.body).toEqual({
      status: 'besvarad',
      mottagetAt: expect.any(String),
      diarienummer: remiss.diarienummer,
      arendemening: 'Förslag till policy för digital omställning',
      instans: 'Region Uppsala',
      egetDiarienummer: 'RS 2025-0042',
      kvittensTill: 'lena.ek@regionuppsala.se',
      filnamn,
      visasTill: expect.any(String),
    });
    asDocumented(skickat, 'POST', '/api/extern/{token}/remissvar/skicka');

    const kvittens = await mailTill('lena.ek@regionuppsala.se', /Ert svar har tagits emot/);
    expect(kvittens.subject).toBe(
      `${remiss.diarienummer} Ert svar har tagits emot: Förslag till policy för digital omställning`,
    );
    expect(kvittens.text).toContain('Till Lena Ek');
    expect(kvittens.text).toContain('från Kommunstyrelsen i Enköpings kommun.');
    expect(kvittens.from).toContain('Kommunstyrelsen i Enköpings kommun via Remissplattformen');
    expect(kvittens.replyTo).toBe('remissansvarig@enkoping.demo');
    expect(kvittens.text).toContain('(ert diarienummer RS 2025-0042)');
    expect(kvittens.text).toContain(`/svara/${region}\n`);
    expect(kvittens.attachments.map((a) => [a.filename, a.contentType])).toEqual([[filnamn, 'application/pdf']]);
    const text = (await pdfText(kvittens.attachments[0].content)).replace(/\s+/g, ' ');
    for (const del of [
      'Region Uppsala',
      'RS 2025-0042',
      remiss.diarienummer,
      'Svar på remiss om förslag till policy för digital omställning',
      'Regionen delar inte bedömningen',
      SIDA_5[1],
      'Regionen vill bjudas in till arbetet med handlingsplanen.',
      'tillstyrker förslaget med de ändringar som framgår av detta yttrande',
      'Är inriktningen rimlig?',
      'Inriktningen är rimlig, men egna piloter behövs.',
      'Lena Ek',
    ])
      expect(text).toContain(del);
    // A neutral letterhead: the sender's addresses are not on the instans' letter.
    expect(text).not.toContain('Kungsgatan 42');

    const [inkommande] = await sql(
      t.db.url,
      `SELECT h.motpart, h.beskrivning, f.sha256 = encode(sha256($2::bytea), 'hex') AS samma FROM handling h JOIN remiss r ON r.arende_id = h.arende_id JOIN fil f ON f.id = h.fil_id WHERE r.id = $1 AND h.riktning = 'inkommande'`,
      [remiss.id, kvittens.attachments[0].content],
    );
    expect(inkommande).toEqual({
      motpart: 'Region Uppsala',
      beskrivning: 'Svar på remiss om förslag till policy för digital omställning (Region Uppsala, RS 2025-0042)',
      samma: true,
    });
    expect(await sql(t.db.url, `SELECT count(*)::int AS n FROM remissvar WHERE status = 'expedierat'`)).toEqual([
      { n: 1 },
    ]);
    const avsandarens = await mailTill('remissansvarig@enkoping.demo', /Region Uppsala/);
    expect(avsandarens).toBeDefined();
    expect(sink.to('lena.ek@regionuppsala.se')).toHaveLength(1);
    // From now on the sender reads it like a nämnd's expedierat answer.
    const hosAvsandaren = await ks.get(`/api/remissvar/${remissvarId}`);
    expect([hosAvsandaren.status, hosAvsandaren.body.status]).toEqual([200, 'expedierat']);
    const status = await ks.get(`/api/remisser/${remiss.id}/status`);
    expect(status.body.instanser.find((i: { namn: string }) => i.namn === 'Region Uppsala')).toMatchObject({
      status: 'besvarad',
      diarienummer: 'RS 2025-0042',
      remissvarId,
      stallning: 'tillstyrker_med_andringar',
      externSvarsfil: false,
    });

    const visas = await anon.get(`/api/extern/${region}`);
    expect(visas.status).toBe(200);
    expect(visas.body).toMatchObject({
      lage: 'skickat',
      utkast: null,
      skickat: {
        satt: 'formular',
        remissvar: { status: 'expedierat', diarienummer: 'RS 2025-0042', synpunkter: [{ citat: SIDA_5[1] }, {}] },
        filer: [{ filnamn, mimetyp: 'application/pdf', lank: 'skickat/pdf' }],
      },
    });
    asDocumented(visas, 'GET', '/api/extern/{token}');
    const pdf = await anon.get(`/api/extern/${region}/skickat/pdf`);
    expect(Buffer.compare(pdf.body, kvittens.attachments[0].content)).toBe(0);
    for (const [metod, vag, kropp] of [
      ['PUT', 'remissvar', { version: 3, inledning: '', avslutning: '', synpunkter: [] }],
      ['POST', 'remissvar/skicka', { version: 3 }],
      ['POST', 'avstar', {}],
    ] as const) {
      const nekad = await anon.request(metod, `/api/extern/${region}/${vag}`, kropp);
      expect([vag, nekad.status, nekad.body.code]).toEqual([vag, 410, 'LINK_USED']);
    }
  }, 60_000);

  it("the sammanställning has the external answer's synpunkter beside the nämnders, not a placeholder", async () => {
    const res = await ks.get(`/api/remisser/${remiss.id}/sammanstallning`);
    expect(res.body.avsnitt).toEqual([
      expect.objectContaining({
        sida: 5,
        antalPerTyp: expect.objectContaining({ invandning: 1 }),
        synpunkter: [
          expect.objectContaining({
            instans: 'Region Uppsala',
            typ: 'invandning',
            citat: expect.objectContaining({ sida: 5 }),
          }),
        ],
      }),
    ]);
    expect(res.body.utanHanvisning).toEqual([
      expect.objectContaining({
        instans: 'Region Uppsala',
        typ: 'ovrigt',
        text: 'Regionen vill bjudas in till arbetet med handlingsplanen.',
      }),
    ]);
    expect(res.body.stallningar).toEqual([{ instans: 'Region Uppsala', stallning: 'tillstyrker_med_andringar' }]);
    expect(res.body.fragor).toEqual([
      {
        nummer: 1,
        fraga: 'Är inriktningen rimlig?',
        svar: [{ instans: 'Region Uppsala', text: 'Inriktningen är rimlig, men egna piloter behövs.' }],
      },
    ]);
  });

  it('an expired link is a 410 naming the contact person, and a page view saying so in Swedish', async () => {
    await sql(
      t.db.url,
      `UPDATE extern_atkomst SET giltig_till = now() - interval '1 minute' WHERE remissinstans_id = (SELECT id FROM remissinstans WHERE remiss_id = $1 AND namn = 'Region Uppsala')`,
      [remiss.id],
    );
    const [kontakt] = await sql(
      t.db.url,
      `SELECT kontaktperson_namn AS namn, kontaktperson_epost AS epost, kontaktperson_telefon AS telefon FROM remiss WHERE id = $1`,
      [remiss.id],
    );
    expect(kontakt.namn).toBeTruthy();
    const res = await t.anonymous().get(`/api/extern/${region}`);
    expect([res.status, res.body.code, res.body.details]).toEqual([410, 'LINK_EXPIRED', { kontaktperson: kontakt }]);
    expect(res.body.meddelande).toContain(`Kontakta remissens kontaktperson ${kontakt.namn} (${kontakt.epost}`);
    expect((await t.anonymous().get(`/api/extern/${region}/skickat/pdf`)).status).toBe(410);

    const vy = await t.app.get(ExternService).view(region);
    expect(vy).toEqual({
      lage: 'stangd',
      orsak: 'utgangen',
      kod: 'LINK_EXPIRED',
      meddelande: res.body.meddelande,
      avsandare: { organisation: 'Enköpings kommun', enhet: 'Kommunstyrelsen' },
      remiss: { diarienummer: remiss.diarienummer, arendemening: 'Förslag till policy för digital omställning' },
      kontaktperson: kontakt,
    });
    await expect(t.app.get(ExternService).view('A'.repeat(43))).rejects.toMatchObject({ code: 'LINK_NOT_FOUND' });
  });

  it('answers as PDF with the same answer as a Word file; a file that is not .docx is refused', async () => {
    const nf = await token('nf@example.se');
    const pdf = await pdfMedSidor([['Naturskyddsföreningen tillstyrker förslaget.']]);
    const form = (word: Buffer, namn: string) => {
      const f = new FormData();
      f.append('fil', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'svar.pdf');
      f.append('word', new Blob([new Uint8Array(word)]), namn);
      return f;
    };
    const inteWord = await t.anonymous().post(`/api/extern/${nf}/svar`, form(Buffer.from('{\\rtf1 hej}'), 'svar.docx'));
    expect([inteWord.status, inteWord.body.code]).toEqual([415, 'NOT_A_DOCX']);

    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Naturskyddsföreningen tillstyrker förslaget.')] }] }),
    );
    const svar = await t.anonymous().post(`/api/extern/${nf}/svar`, form(docx, 'yttrande.docx'));
    expect([svar.status, svar.body]).toEqual([201, { status: 'besvarad' }]);
    const visas = await t.anonymous().get(`/api/extern/${nf}`);
    expect(visas.body.skickat).toMatchObject({
      satt: 'pdf',
      filer: [
        { mimetyp: 'application/pdf', lank: 'skickat/pdf' },
        { filnamn: expect.stringMatching(/-Naturskyddsforeningen\.docx$/), lank: 'skickat/word' },
      ],
    });
    const word = await t.anonymous().get(`/api/extern/${nf}/skickat/word`);
    expect([word.status, Buffer.compare(word.body, docx)]).toEqual([200, 0]);
    const handlingar = await sql(
      t.db.url,
      `SELECT h.beskrivning FROM handling h JOIN remiss r ON r.arende_id = h.arende_id WHERE r.id = $1 AND h.motpart = 'Naturskyddsföreningen' ORDER BY h.beskrivning`,
      [remiss.id],
    );
    expect(handlingar.map((h) => h.beskrivning)).toEqual([
      'Remissvar från Naturskyddsföreningen',
      'Remissvar från Naturskyddsföreningen (Word)',
    ]);
  });
});

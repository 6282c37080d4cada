import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { krypteradPdf, pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { pdfForm } from '@app/remiss/testing/remiss-fixture';
import { createHash } from 'node:crypto';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

describe('the diarium: allocation, hand registration, sekretess, search, CSV, one diarium per organisation', () => {
  let t: TestApp;
  let registrator: ApiClient;
  let diarier: { id: string; prefix: string }[];

  /** A registrator of KS only: a role in the organisation, none at UN. */
  let ksRegistrator: ApiClient;

  beforeAll(async () => {
    // 1 MB, so the size limit is met with a small file.
    t = await startTestApp(PlatformModule.forRoot, { config: { PDF_UPLOAD_MAX_MB: '1' } });
    await sql(
      t.db.url,
      `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll)
       SELECT a.id, e.id, 'registrator' FROM anvandare a, enhet e WHERE a.epost = 'remissansvarig@enkoping.demo' AND e.kortnamn = 'KS'`,
    );
    registrator = await t.as('registrator@enkoping.demo');
    ksRegistrator = await t.as('remissansvarig@enkoping.demo');
    diarier = (await registrator.get('/api/diarier')).body;
  });
  afterAll(() => t.close());

  const diarium = (prefix: string) => diarier.find((d) => d.prefix === prefix)!.id;

  it('gives 50 concurrent allocations in one diarium 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        registrator.post(`/api/diarier/${diarium('UN')}/arenden`, { arendemening: `Ärende ${i}` }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const year = new Date().getFullYear();
    const numbers = results.map((r) => r.body.diarienummer as string);
    expect(new Set(numbers).size).toBe(50);
    const seqs = numbers.map((n) => Number(n.replace(`UN${year}/`, ''))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('registers an entered number in the diarium format, skips it when allocating, refuses it twice', async () => {
    const year = new Date().getFullYear();
    const entered = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, {
      arendemening: 'Inkommen remiss',
      diarienummer: `SN${year}/2`,
    });
    expect(entered.status).toBe(201);
    const first = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, { arendemening: 'Nytt ärende' });
    const second = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, { arendemening: 'Nytt ärende' });
    expect([first.body.diarienummer, second.body.diarienummer]).toEqual([`SN${year}/1`, `SN${year}/3`]);

    const again = await registrator.post(`/api/diarier/${diarium('SN')}/arenden`, {
      arendemening: 'Dubblett',
      diarienummer: `SN${year}/2`,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DIARIENUMMER_TAKEN');
  });

  it('refuses a number of another format with 400 naming the expected form', async () => {
    const res = await registrator.post(`/api/diarier/${diarium('UN')}/arenden`, {
      arendemening: 'Fel format',
      diarienummer: 'UN 2025/0412',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_DIARIENUMMER' });
    expect(res.body.message).toContain('UN2025/118');
  });

  it('forbids registering in a diarium where the caller has no registering role', async () => {
    const sekreterare = await t.as('un.sekreterare@enkoping.demo');
    const res = await sekreterare.post(`/api/diarier/${diarium('SN')}/arenden`, { arendemening: 'Inte min nämnd' });
    expect(res.status).toBe(403);
  });

  const year = new Date().getFullYear();
  const nyttArende = async (prefix: string, arendemening: string) =>
    (await registrator.post(`/api/diarier/${diarium(prefix)}/arenden`, { arendemening })).body as {
      id: string;
      diarienummer: string;
    };

  it('registers an inkommande handling by hand only with datum, avsändare and beskrivning (OSL 5 kap. 2 §)', async () => {
    const arende = await nyttArende('UN', 'Skrivelse om skolskjuts');
    const tom = await registrator.post(`/api/arenden/${arende.id}/handlingar`, { motpart: ' ' });
    expect(tom.status).toBe(400);
    const fel = Object.fromEntries(
      (tom.body.fel as { falt: string; meddelande: string }[]).map((f) => [f.falt, f.meddelande]),
    );
    expect(fel).toEqual({
      datum: 'Skriv datumet då handlingen kom in, till exempel 2026-03-02.',
      motpart: 'Skriv vem som har skickat handlingen.',
      beskrivning: 'Skriv kort vad handlingen gäller.',
    });
    const inga = await sql(t.db.url, 'SELECT 1 FROM handling WHERE arende_id = $1', [arende.id]);
    expect(inga).toHaveLength(0);

    const ok = await registrator.post(`/api/arenden/${arende.id}/handlingar`, {
      datum: '2026-02-10',
      motpart: 'Föräldraföreningen Skolvägen',
      beskrivning: 'Skrivelse om skolskjuts till Bredsand',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ riktning: 'inkommande', lopnummer: 1, datum: '2026-02-10' });
    const logg = await sql(
      t.db.url,
      `SELECT a.epost FROM audit_event e JOIN anvandare a ON a.id = e.anvandare_id
        WHERE e.handelse = 'handling_registrerad' AND e.objekt_typ = 'handling' AND e.objekt_id = $1`,
      [ok.body.id],
    );
    expect(logg).toEqual([{ epost: 'registrator@enkoping.demo' }]);

    const traff = async (query: string) =>
      ((await registrator.get(`/api/arenden?${query}`)).body.items as { diarienummer: string }[]).map(
        (a) => a.diarienummer,
      );
    expect(await traff('q=skolv%C3%A4gen')).toEqual([arende.diarienummer]);
    expect(await traff(`q=${encodeURIComponent(arende.diarienummer)}`)).toEqual([arende.diarienummer]);
    expect(await traff('q=skolskjuts&riktning=utgaende')).toEqual([]);
    expect(await traff('q=skolskjuts&fran=2026-02-01&till=2026-02-10&riktning=inkommande')).toEqual([
      arende.diarienummer,
    ]);
    expect(await traff('q=skolskjuts&fran=2026-02-11')).toEqual([]);
    const felDatum = await registrator.get('/api/arenden?fran=2026-02-31');
    expect(felDatum.status).toBe(400);
  });

  /** A hand registration as a multipart body: the OSL fields and the file `fil`. */
  const registrering = (data: Buffer, filnamn: string, beskrivning = 'Yttrande över detaljplan för Bredsand') => {
    const form = pdfForm(data, filnamn);
    form.append('datum', '2026-02-12');
    form.append('motpart', 'Länsstyrelsen i Uppsala län');
    form.append('beskrivning', beskrivning);
    return form;
  };

  it('registers a handling with its PDF (multipart): stored and archived in the registration, downloaded byte for byte', async () => {
    const arende = await nyttArende('UN', 'Detaljplan för Bredsand');
    const pdf = await pdfMedSidor([['Länsstyrelsens yttrande över detaljplanen']]);
    const res = await registrator.post(`/api/arenden/${arende.id}/handlingar`, registrering(pdf, 'yttrande.pdf'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ riktning: 'inkommande', lopnummer: 1, motpart: 'Länsstyrelsen i Uppsala län' });
    expect(res.body.filId).toEqual(expect.any(String));

    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const [rad] = await sql(
      t.db.url,
      `SELECT f.filnamn, f.sha256, f.storlek, a.sha256 AS arkiv_sha256, a.titel, a.metadata->>'dokumenttyp' AS dokumenttyp,
              a.metadata->>'upphov' AS upphov
         FROM handling h JOIN fil f ON f.id = h.fil_id JOIN arkivhandling a ON a.handling_id = h.id
        WHERE h.id = $1`,
      [res.body.id],
    );
    expect(rad).toEqual({
      filnamn: 'yttrande.pdf',
      sha256,
      storlek: pdf.length,
      arkiv_sha256: sha256,
      titel: 'Yttrande över detaljplan för Bredsand',
      dokumenttyp: 'inkommen_handling',
      upphov: 'Länsstyrelsen i Uppsala län',
    });

    const vy = await registrator.get(`/api/arenden/${arende.id}`);
    expect(vy.body.handlingar).toEqual([expect.objectContaining({ id: res.body.id, filId: res.body.filId })]);
    const ner = await registrator.get(`/api/arenden/${arende.id}/handlingar/${res.body.id}/fil`);
    expect([ner.status, ner.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.compare(ner.body as Buffer, pdf)).toBe(0);

    const logg = await sql(
      t.db.url,
      `SELECT data->>'sha256' AS sha256 FROM audit_event WHERE handelse = 'handling_registrerad' AND objekt_id = $1`,
      [res.body.id],
    );
    expect(logg).toEqual([{ sha256 }]);
  });

  it('refuses a file that is not a PDF, an encrypted PDF and one over the size limit with a 4xx naming the field, and writes no row', async () => {
    const arende = await nyttArende('UN', 'Skrivelse med fel bilaga');
    const stor = Buffer.concat([await pdfMedSidor([['Stor']]), Buffer.alloc(1024 * 1024 + 1, 0x20)]);
    for (const [data, filnamn, status, code, svenska] of [
      [Buffer.from('PK\x03\x04 word/document.xml'), 'yttrande.docx', 415, 'NOT_A_PDF', 'yttrande.docx är inte en PDF'],
      [await krypteradPdf(), 'hemlig.pdf', 422, 'PDF_ENCRYPTED', 'hemlig.pdf är krypterad eller lösenordsskyddad'],
      [stor, 'stor.pdf', 413, 'FILE_TOO_LARGE', 'Filen är större än 1 MB'],
    ] as const) {
      const res = await registrator.post(
        `/api/arenden/${arende.id}/handlingar`,
        registrering(data, filnamn, `Bilaga ${filnamn}`),
      );
      expect([res.status, res.body.code]).toEqual([status, code]);
      expect(typeof res.body.message).toBe('string');
      expect(res.body.meddelande).toContain(svenska);
      expect(res.body.fel).toEqual([{ falt: 'fil', meddelande: res.body.meddelande }]);
    }
    expect(await sql(t.db.url, 'SELECT 1 FROM handling WHERE arende_id = $1', [arende.id])).toHaveLength(0);
    expect(
      await sql(t.db.url, `SELECT 1 FROM fil WHERE filnamn IN ('yttrande.docx', 'hemlig.pdf', 'stor.pdf')`),
    ).toHaveLength(0);
    expect(
      await sql(
        t.db.url,
        `SELECT 1 FROM audit_event WHERE handelse = 'handling_registrerad' AND data->>'diarienummer' = $1`,
        [arende.diarienummer],
      ),
    ).toHaveLength(0);
  });

  it("keeps a sekretess handling's archived copy from a registrator without a role at the ärende's enhet", async () => {
    const arende = await nyttArende('UN', 'Elevärende med bilaga');
    const form = registrering(await pdfMedSidor([['Utredning om elev']]), 'utredning.pdf', 'Utredning om elev');
    form.append('sekretess', 'OSL 23 kap. 2 §');
    const res = await registrator.post(`/api/arenden/${arende.id}/handlingar`, form);
    expect([res.status, res.body.sekretess]).toEqual([201, 'OSL 23 kap. 2 §']);
    const [{ id }] = await sql(t.db.url, 'SELECT id FROM arkivhandling WHERE handling_id = $1', [res.body.id]);
    for (const vad of ['', '/original.pdf']) {
      expect((await registrator.get(`/api/arkiv/${id}${vad}`)).status).toBe(200);
      const dold = await ksRegistrator.get(`/api/arkiv/${id}${vad}`);
      expect([dold.status, dold.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await ksRegistrator.get(`/api/arenden/${arende.id}/handlingar/${res.body.id}/fil`)).status).toBe(403);
  });

  it("hides a sekretess handling's motpart, beskrivning and file from whoever has no role at the ärende's enhet (API, search, CSV)", async () => {
    const arende = await nyttArende('UN', 'Elevärende');
    const hemlig = await registrator.post(`/api/arenden/${arende.id}/handlingar`, {
      datum: '2026-02-12',
      motpart: 'Vårdnadshavare Hemligsson',
      beskrivning: 'Anmälan om kränkande behandling',
      sekretess: 'OSL 23 kap. 2 §',
    });
    expect(hemlig.status).toBe(201);

    const sett = (await ksRegistrator.get(`/api/arenden/${arende.id}`)).body;
    expect(sett.handlingar).toEqual([
      expect.objectContaining({ motpart: null, beskrivning: null, sekretess: 'OSL 23 kap. 2 §', dold: true }),
    ]);
    expect(sett.skriva).toBe(false);
    expect((await ksRegistrator.get(`/api/arenden?q=Hemligsson`)).body.items).toEqual([]);
    const extrakt = await ksRegistrator.get(`/api/arenden.csv?q=${encodeURIComponent(arende.diarienummer)}`);
    expect(extrakt.status).toBe(200);
    expect(extrakt.body).toContain(arende.diarienummer);
    expect(extrakt.body).toContain('OSL 23 kap. 2 §');
    expect(extrakt.body).not.toContain('Hemligsson');
    expect(extrakt.body).not.toContain('kränkande');

    // The registrator with a role at UN reads it all, and finds it by its motpart.
    const hela = (await registrator.get(`/api/arenden/${arende.id}`)).body;
    expect(hela.handlingar[0]).toMatchObject({ motpart: 'Vårdnadshavare Hemligsson', dold: false });
    expect((await registrator.get(`/api/arenden?q=Hemligsson`)).body.items).toHaveLength(1);
    expect((await registrator.get(`/api/arenden.csv?q=Hemligsson`)).body).toContain('Anmälan om kränkande behandling');

    // Only a registrator at UN (or its sekreterare) marks and closes there.
    const markera = await ksRegistrator.put(`/api/arenden/${arende.id}/handlingar/${hemlig.body.id}/sekretess`, {
      sekretess: 'OSL 23 kap. 1 §',
    });
    expect(markera.status).toBe(403);
    expect((await ksRegistrator.post(`/api/arenden/${arende.id}/avsluta`)).status).toBe(403);
  });

  it('escapes formula cells in the CSV and closes an ärende once', async () => {
    const arende = await nyttArende('UN', 'Skrivelse från okänd');
    const h = await registrator.post(`/api/arenden/${arende.id}/handlingar`, {
      datum: '2026-02-13',
      motpart: '=HYPERLINK("http://example.com","x")',
      beskrivning: 'Skrivelse',
    });
    expect(h.status).toBe(201);
    const markera = await registrator.put(`/api/arenden/${arende.id}/handlingar/${h.body.id}/sekretess`, {
      sekretess: 'sekretess',
    });
    expect(markera.status).toBe(400);
    const csv = (await registrator.get(`/api/arenden.csv?q=${encodeURIComponent(arende.diarienummer)}`)).body as string;
    expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""x"")"`);

    const stang = await registrator.post(`/api/arenden/${arende.id}/avsluta`);
    expect([stang.status, stang.body.status]).toEqual([200, 'avslutat']);
    const igen = await registrator.post(`/api/arenden/${arende.id}/avsluta`);
    expect([igen.status, igen.body.code]).toEqual([409, 'ILLEGAL_STATE']);
    const efter = await registrator.post(`/api/arenden/${arende.id}/handlingar`, {
      datum: '2026-02-14',
      motpart: 'Någon',
      beskrivning: 'För sent',
    });
    expect(efter.status).toBe(409);
    const avslutade = (await registrator.get(`/api/arenden?status=avslutat`)).body.items as { id: string }[];
    expect(avslutade.map((a) => a.id)).toEqual([arende.id]);
  });

  it('answers every diarium endpoint for every caller with the expected status (role × endpoint matrix)', async () => {
    // A closed ärende of UN with one handling: a caller let through meets its state (409) or a missing row (404), nothing changes.
    const stangt = await nyttArende('UN', 'Matrisens ärende');
    const handling = (
      await registrator.post(`/api/arenden/${stangt.id}/handlingar`, {
        datum: '2026-01-02',
        motpart: 'Anna A',
        beskrivning: 'Brev',
      })
    ).body;
    await registrator.post(`/api/arenden/${stangt.id}/avsluta`);
    const [un] = await sql(t.db.url, `SELECT id, diarium_id FROM enhet WHERE kortnamn = 'UN'`);
    const vem = ['registrator', 'un.sekreterare', 'admin', 'sn.sekreterare', 'anonym', 'vadstena'] as const;
    const klient = {
      registrator,
      'un.sekreterare': await t.as('un.sekreterare@enkoping.demo'),
      admin: await t.as('admin@enkoping.demo'),
      'sn.sekreterare': await t.as('sn.sekreterare@enkoping.demo'),
      anonym: t.anonymous(),
      vadstena: await t.as('remissansvarig@vadstena.demo'),
    };
    const ny = { datum: '2026-01-03', motpart: 'Bertil B', beskrivning: 'Brev två' };
    const annanHandling = '00000000-0000-4000-8000-000000000000';
    //                                                                                    reg  sek  adm  sn   anon vad
    const rader: [string, string, unknown, number[]][] = [
      ['GET', '/api/diarier', undefined, [200, 200, 200, 200, 401, 200]],
      ['GET', '/api/arenden?q=Matris', undefined, [200, 403, 403, 403, 401, 403]],
      ['GET', '/api/arenden.csv', undefined, [200, 403, 403, 403, 401, 403]],
      ['GET', `/api/arenden/${stangt.id}`, undefined, [200, 200, 200, 200, 401, 404]],
      ['POST', `/api/arenden/${stangt.id}/handlingar`, ny, [409, 409, 403, 403, 401, 404]],
      [
        'PUT',
        `/api/arenden/${stangt.id}/handlingar/${annanHandling}/sekretess`,
        { sekretess: 'OSL 21 kap. 7 §' },
        [404, 404, 403, 403, 401, 404],
      ],
      ['GET', `/api/arenden/${stangt.id}/handlingar/${handling.id}/fil`, undefined, [404, 404, 404, 404, 401, 404]],
      ['POST', `/api/arenden/${stangt.id}/avsluta`, undefined, [409, 409, 403, 403, 401, 404]],
      [
        'POST',
        '/api/diarier',
        { namn: 'Igen', prefix: 'UN', format: '{prefix}{year}/{seq}' },
        [403, 403, 409, 403, 401, 403],
      ],
      ['PUT', `/api/enheter/${un.id}/diarium`, { diariumId: un.diarium_id }, [403, 403, 200, 403, 401, 403]],
      [
        'POST',
        '/api/diarier/forhandsvisning',
        { namn: 'Prov', prefix: 'P', format: '{prefix}{year}/{seq}' },
        [200, 200, 200, 200, 401, 200],
      ],
    ];
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected] of rader)
      for (const [n, v] of vem.entries()) {
        got.push(`${method} ${path} as ${v}: ${(await klient[v].request(method, path, body)).status}`);
        want.push(`${method} ${path} as ${v}: ${expected[n]}`);
      }
    expect(got).toEqual(want);
  });

  it('numbers the ärenden of several enheter in one diarium: RJL 2026/0001, …/0002, also a nämnd registering a remiss', async () => {
    const admin = await t.as('admin@enkoping.demo');
    const forhand = await admin.post('/api/diarier/forhandsvisning', {
      namn: 'Gemensamt diarium',
      prefix: 'RJL',
      format: '{prefix} {year}/{seq:4}',
    });
    expect(forhand.body.exempel).toEqual([`RJL ${year}/0001`, `RJL ${year}/0002`, `RJL ${year}/0118`]);
    const felFormat = await admin.post('/api/diarier', { namn: 'Fel', prefix: 'FEL', format: '{prefix}/{seq}' });
    expect([felFormat.status, felFormat.body.code]).toEqual([400, 'INVALID_DIARIEFORMAT']);
    expect(
      (await registrator.post('/api/diarier', { namn: 'Nej', prefix: 'NEJ', format: '{year}/{seq}' })).status,
    ).toBe(403);

    const rjl = await admin.post('/api/diarier', {
      namn: 'Gemensamt diarium',
      prefix: 'RJL',
      format: '{prefix} {year}/{seq:4}',
    });
    expect(rjl.status).toBe(201);
    const dubblett = await admin.post('/api/diarier', { namn: 'Igen', prefix: 'RJL', format: '{prefix}{year}/{seq}' });
    expect([dubblett.status, dubblett.body.code]).toEqual([409, 'DIARIUM_PREFIX_TAKEN']);

    const enheter = Object.fromEntries(
      (await sql(t.db.url, `SELECT id, kortnamn FROM enhet WHERE kortnamn IN ('UN', 'SN')`)).map((e) => [
        e.kortnamn,
        e.id,
      ]),
    );
    for (const kortnamn of ['UN', 'SN'])
      expect((await admin.put(`/api/enheter/${enheter[kortnamn]}/diarium`, { diariumId: rjl.body.id })).status).toBe(
        200,
      );
    const lista = (await registrator.get('/api/diarier')).body as { prefix: string; enheter: { kortnamn: string }[] }[];
    expect(
      lista
        .find((d) => d.prefix === 'RJL')!
        .enheter.map((e) => e.kortnamn)
        .sort(),
    ).toEqual(['SN', 'UN']);

    const forUn = await registrator.post(`/api/diarier/${rjl.body.id}/arenden`, {
      arendemening: 'Ett',
      enhetId: enheter.UN,
    });
    const forSn = await registrator.post(`/api/diarier/${rjl.body.id}/arenden`, {
      arendemening: 'Två',
      enhetId: enheter.SN,
    });
    expect([forUn.body.diarienummer, forSn.body.diarienummer]).toEqual([`RJL ${year}/0001`, `RJL ${year}/0002`]);
    expect(forSn.body.enhetId).toBe(enheter.SN);

    // The nämnd's registrering of the demo remiss goes through the enhet's diarium too.
    const [instans] = await sql(
      t.db.url,
      `SELECT i.id FROM remissinstans i WHERE i.mottagare_enhet_id = $1 AND i.status = 'inbjuden' LIMIT 1`,
      [enheter.UN],
    );
    const un = await t.as('un.sekreterare@enkoping.demo');
    const registrerad = await un.post(`/api/remissinstanser/${instans.id}/registrera`, {});
    expect([registrerad.status, registrerad.body.mottagareDiarienummer]).toEqual([200, `RJL ${year}/0003`]);
  });
});

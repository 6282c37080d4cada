import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { granskaPaket, Granskning, insertArkiveradHandling } from '@app/archive/testing/arkivpaket-granskning';
import { PdfRenderare } from '@app/pdf';
import { pdfText, preflight } from '@app/pdf/testing/pdf-verktyg';
import { pdfMedSidor } from '@app/remiss/testing/pdf-fixtures';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { DataSource } from 'typeorm';
import { PlatformModule } from '../../src/platform.module';

/** An e-arkiv package of one ärende with two archived handlingar, built by the platform's worker and re-read. */
describe('e-arkiv export (FGS Paketstruktur 2.0, real PostgreSQL, Redis, worker, xmllint, Preflight)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let registrator: ApiClient;
  let diariumId: string;
  let diarienummer: string;
  let exportId: string;
  let paket: Granskning;
  let zip: Buffer;

  const vantaTillKlar = async (id: string) => {
    for (let i = 0; i < 300; i++) {
      const { body } = await registrator.get(`/api/earkiv/exporter/${id}`);
      if (body.status === 'skickad' || body.status === 'misslyckad') return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the export was not built in 30 s');
  };

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    dataSource = t.app.get(DataSource);
    registrator = await t.as('registrator@enkoping.demo');
    const diarier: { id: string; prefix: string }[] = (await registrator.get('/api/diarier')).body;
    diariumId = diarier.find((d) => d.prefix === 'UN')!.id;
    const arende = await registrator.post(`/api/diarier/${diariumId}/arenden`, {
      arendemening: 'Remiss: Förslag till policy för digital omställning',
    });
    diarienummer = arende.body.diarienummer;
    const pdfa = async (rader: string[], title: string) =>
      t.app.get(PdfRenderare).toPdfA(await pdfMedSidor([rader]), {
        title,
        author: 'Utbildningsnamnden',
        subject: title,
        keywords: [diarienummer],
      });
    await insertArkiveradHandling(dataSource, {
      arendeId: arende.body.id,
      riktning: 'inkommande',
      datum: '2025-02-10',
      motpart: 'Kommunstyrelsen',
      beskrivning: 'Remiss om policy för digital omställning',
      pdfa: await pdfa(['Remissmissiv KS2025/118', 'Svar senast 2025-03-31'], 'Remissmissiv'),
    });
    await insertArkiveradHandling(dataSource, {
      arendeId: arende.body.id,
      riktning: 'utgaende',
      datum: '2025-03-20',
      motpart: 'Kommunstyrelsen',
      beskrivning: 'Svar på remiss om policy för digital omställning',
      pdfa: await pdfa(['Svar pa remiss UN2025/412', 'Utbildningsnamnden tillstyrker'], 'Svar på remiss'),
      sekretess: 'OSL 21 kap. 7 §',
    });
    const bestallt = await registrator.post('/api/earkiv/exporter', { diariumId, diarienummer });
    expect(bestallt.status).toBe(201);
    expect(bestallt.body).toMatchObject({ antalHandlingar: 2, diarienummer });
    exportId = bestallt.body.id;
    const klar = await vantaTillKlar(exportId);
    expect(klar).toMatchObject({ status: 'skickad', klaraHandlingar: 2, antalHandlingar: 2, fel: null });
    const hamtat = await registrator.get(`/api/earkiv/exporter/${exportId}/paket`);
    expect(hamtat.status).toBe(200);
    expect(hamtat.headers.get('content-type')).toBe('application/zip');
    zip = hamtat.body;
    expect(zip.length).toBe(klar.paketStorlek);
    paket = await granskaPaket(zip);
  }, 120_000);

  afterAll(async () => {
    await paket?.stada();
    await t?.close();
  });

  it('is one root folder named after the OBJID, with METS.xml, metadata/descriptive, representations/rep1/data and schemas', async () => {
    expect(paket.rot).toMatch(/^uuid-[0-9a-f-]{36}$/);
    expect(await paket.xpath('METS.xml', "string(/*[local-name()='mets']/@OBJID)")).toBe(paket.rot);
    expect(paket.filer.map((f) => f.href).sort()).toEqual(
      [
        'metadata/descriptive/ERMS.xml',
        `representations/rep1/data/${diarienummer.replace('/', '-')}-1.pdf`,
        `representations/rep1/data/${diarienummer.replace('/', '-')}-2.pdf`,
        'schemas/CITS-ERMS-v2-1-2.xsd',
        'schemas/DILCISExtensionMETS.xsd',
        'schemas/mets.xsd',
        'schemas/xlink.xsd',
      ].sort(),
    );
    expect(paket.olistade).toEqual([]);
  });

  it('has a METS.xml and an ERMS.xml that validate against the schemas (xmllint)', () => {
    expect(paket.metsFel).toBe('');
    expect(paket.ermsFel).toBe('');
  });

  it('lists every file with its size and SHA-256, and every checksum matches the bytes', () => {
    expect(paket.filer).toHaveLength(7);
    expect(paket.avvikande).toEqual([]);
  });

  it('meets the CSIP header and structure requirements (checked by XPath)', async () => {
    const x = (u: string) => paket.xpath('METS.xml', u);
    const m = "/*[local-name()='mets']";
    expect(await x(`string(${m}/@TYPE)`)).toBe('ERMS');
    expect(await x(`string(${m}/@PROFILE)`)).toBe('https://earksip.dilcis.eu/profile/E-ARK-SIP.xml');
    expect(await x(`string(${m}/*[local-name()='metsHdr']/@*[local-name()='OAISPACKAGETYPE'])`)).toBe('SIP');
    expect(
      await x(
        `count(${m}/*[local-name()='metsHdr']/*[local-name()='agent'][@ROLE='CREATOR'][@TYPE='OTHER'][@OTHERTYPE='SOFTWARE'])`,
      ),
    ).toBe('1');
    const div = `${m}/*[local-name()='structMap'][@TYPE='PHYSICAL'][@LABEL='CSIP']/*[local-name()='div']`;
    expect(await x(`count(${div})`)).toBe('1');
    expect(await x(`string(${div}/*[local-name()='div'][@LABEL='Metadata']/@DMDID)`)).toBe('ID-dmd-erms');
    for (const [label, grupp] of [
      ['Schemas', 'Schemas'],
      ['Representations/rep1', 'Representations/rep1'],
    ]) {
      const fileid = await x(`string(${div}/*[local-name()='div'][@LABEL='${label}']/*[local-name()='fptr']/@FILEID)`);
      expect(await x(`string(${m}/*[local-name()='fileSec']/*[local-name()='fileGrp'][@ID='${fileid}']/@USE)`)).toBe(
        grupp,
      );
    }
  });

  it('describes the ärende and its handlingar in CITS ERMS: dnr, direction, sender/receiver, dates, sekretess', async () => {
    const x = (u: string) => paket.xpath('metadata/descriptive/ERMS.xml', u);
    const agg = "//*[local-name()='aggregation'][@aggregationType='caseFile']";
    expect(await x(`string(${agg}/*[local-name()='objectId'])`)).toBe(diarienummer);
    expect(await x(`string(${agg}/*[local-name()='title'])`)).toBe(
      'Remiss: Förslag till policy för digital omställning',
    );
    const rec = (n: number) => `${agg}/*[local-name()='record'][*[local-name()='runningNumber']=${n}]`;
    expect(await x(`string(${rec(1)}/*[local-name()='direction']/@directionDefinition)`)).toBe('incoming');
    expect(await x(`string(${rec(1)}//*[local-name()='agent'][@agentType='sender']/*[local-name()='name'])`)).toBe(
      'Kommunstyrelsen',
    );
    expect(await x(`string(${rec(1)}//*[local-name()='agent'][@agentType='receiver']/*[local-name()='name'])`)).toBe(
      'Utbildningsnämnden',
    );
    expect(await x(`string(${rec(1)}//*[local-name()='date'][@dateType='received'])`)).toBe('2025-02-10T00:00:00');
    expect(await x(`count(${rec(1)}/*[local-name()='restriction'])`)).toBe('0');
    expect(await x(`string(${rec(2)}/*[local-name()='direction']/@directionDefinition)`)).toBe('outgoing');
    expect(await x(`string(${rec(2)}//*[local-name()='agent'][@agentType='receiver']/*[local-name()='name'])`)).toBe(
      'Kommunstyrelsen',
    );
    expect(await x(`string(${rec(2)}//*[local-name()='date'][@dateType='sent'])`)).toBe('2025-03-20T00:00:00');
    expect(
      await x(
        `string(${rec(2)}/*[local-name()='restriction'][@restrictionType='confidential']/*[local-name()='regulation'])`,
      ),
    ).toBe('OSL 21 kap. 7 §');
  });

  it('carries the PDF/A renditions: their text is there and they pass PDFBox Preflight', async () => {
    const svar = await paket.las(`representations/rep1/data/${diarienummer.replace('/', '-')}-2.pdf`);
    expect(await pdfText(svar)).toContain('Utbildningsnamnden tillstyrker');
    const resultat = await preflight(svar);
    expect(resultat.utskrift).toContain('is a valid PDF/A-1b file');
  }, 60_000);

  it('is in the audit log: ordered and downloaded, by the registrator', async () => {
    const rader: { handelse: string }[] = await dataSource.query(
      `SELECT handelse FROM audit_event WHERE objekt_typ = 'earkiv_export' AND objekt_id = $1 ORDER BY id`,
      [exportId],
    );
    expect(rader.map((r) => r.handelse)).toEqual(['earkiv_export_bestalld', 'earkiv_export_hamtad']);
  });

  it('refuses what it must: no role 403, another organisation 404, an empty or unknown selection 4xx, no row written', async () => {
    const namnd = await t.as('un.sekreterare@enkoping.demo');
    expect((await namnd.get(`/api/earkiv/exporter/${exportId}`)).status).toBe(403);
    expect((await namnd.post('/api/earkiv/exporter', { diariumId, diarienummer })).status).toBe(403);
    await dataSource.query(
      `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll)
       SELECT a.id, e.id, 'registrator' FROM anvandare a JOIN enhet e ON e.organisation_id = a.organisation_id AND e.kortnamn = 'KS'
        WHERE a.epost = 'remissansvarig@vadstena.demo'`,
    );
    const annan = await t.as('remissansvarig@vadstena.demo');
    expect((await annan.get(`/api/earkiv/exporter/${exportId}`)).status).toBe(404);
    expect((await annan.get(`/api/earkiv/exporter/${exportId}/paket`)).status).toBe(404);
    expect((await annan.get('/api/earkiv/exporter')).body.items).toEqual([]);
    expect((await annan.post('/api/earkiv/exporter', { diariumId, diarienummer })).status).toBe(404);

    const fore = await dataSource.query(`SELECT count(*)::int AS n FROM earkiv_export`);
    const tom = await registrator.post('/api/earkiv/exporter', { diariumId, fran: '2001-01-01', till: '2001-12-31' });
    expect(tom.status).toBe(422);
    expect(tom.body).toMatchObject({ code: 'EXPORT_TOM' });
    const okand = await registrator.post('/api/earkiv/exporter', { diariumId, diarienummer: 'UN1999/1' });
    expect(okand.status).toBe(400);
    expect(okand.body.fel).toEqual([
      expect.objectContaining({ falt: 'diarienummer', meddelande: 'Det finns inget ärende UN1999/1 i diariet.' }),
    ]);
    const bakvand = await registrator.post('/api/earkiv/exporter', {
      diariumId,
      fran: '2025-03-01',
      till: '2025-02-01',
    });
    expect(bakvand.status).toBe(400);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM earkiv_export`)).toEqual(fore);
  });

  it('exports a period of the diarium: the handlingar dated in it', async () => {
    const bestallt = await registrator.post('/api/earkiv/exporter', {
      diariumId,
      fran: '2025-03-01',
      till: '2025-03-31',
    });
    expect(bestallt.body.antalHandlingar).toBe(1);
    expect(await vantaTillKlar(bestallt.body.id)).toMatchObject({ status: 'skickad', klaraHandlingar: 1 });
    const period = await granskaPaket((await registrator.get(`/api/earkiv/exporter/${bestallt.body.id}/paket`)).body);
    try {
      expect([period.metsFel, period.ermsFel, period.avvikande]).toEqual(['', '', []]);
      expect(period.filer.filter((f) => f.href.startsWith('representations/'))).toHaveLength(1);
    } finally {
      await period.stada();
    }
  });

  it('carries a sekretess handling only to whom the diarium shows it: a registrator without a role at its enhet gets 403, ordering and downloading', async () => {
    // One diarium for SN and TN, as a region keeps one for every nämnd; TN's registrator has no role at SN.
    const admin = await t.as('admin@enkoping.demo');
    const gemensamt = await admin.post('/api/diarier', {
      namn: 'Gemensamt',
      prefix: 'GEM',
      format: '{prefix} {year}/{seq:4}',
    });
    const enheter: { id: string; kortnamn: string }[] = await dataSource.query(
      `SELECT e.id, e.kortnamn FROM enhet e JOIN organisation o ON o.id = e.organisation_id
        WHERE o.slug = 'enkoping' AND e.kortnamn IN ('SN', 'TN') ORDER BY e.kortnamn`,
    );
    for (const e of enheter)
      expect((await admin.put(`/api/enheter/${e.id}/diarium`, { diariumId: gemensamt.body.id })).status).toBe(200);
    const [sn, tn] = enheter.map((e) => e.id);
    const arende = await registrator.post(`/api/diarier/${gemensamt.body.id}/arenden`, {
      arendemening: 'Placering av barn',
      enhetId: sn,
    });
    await insertArkiveradHandling(dataSource, {
      arendeId: arende.body.id,
      riktning: 'inkommande',
      datum: '2025-04-02',
      motpart: 'Vårdnadshavare',
      beskrivning: 'Ansökan om placering',
      pdfa: await t.app.get(PdfRenderare).toPdfA(await pdfMedSidor([['Ansokan om placering']]), {
        title: 'Ansökan',
        author: 'Socialnamnden',
        subject: 'Ansökan',
        keywords: [arende.body.diarienummer],
      }),
      sekretess: 'OSL 26 kap. 1 §',
    });
    await dataSource.query(
      `INSERT INTO anvandarroll (anvandare_id, enhet_id, roll)
       SELECT id, $1, 'registrator' FROM anvandare WHERE epost = 'tn.sekreterare@enkoping.demo'`,
      [tn],
    );
    const tnRegistrator = await t.as('tn.sekreterare@enkoping.demo');
    const period = { diariumId: gemensamt.body.id, fran: '2025-04-01', till: '2025-04-30' };

    const fore = await dataSource.query(`SELECT count(*)::int AS n FROM earkiv_export`);
    const nekad = await tnRegistrator.post('/api/earkiv/exporter', period);
    expect([nekad.status, nekad.body.code, nekad.body.meddelande]).toEqual([
      403,
      'EXPORT_SEKRETESS',
      'Urvalet innehåller en sekretessmarkerad handling vid enheter där du inte har någon roll. Exporten görs av en registrator med roll där.',
    ]);
    expect(await dataSource.query(`SELECT count(*)::int AS n FROM earkiv_export`)).toEqual(fore);

    const bestallt = await registrator.post('/api/earkiv/exporter', period);
    expect(await vantaTillKlar(bestallt.body.id)).toMatchObject({ status: 'skickad', klaraHandlingar: 1 });
    // The TN registrator sees the export (its diarium is TN's too) but cannot take the package.
    expect((await tnRegistrator.get(`/api/earkiv/exporter/${bestallt.body.id}`)).status).toBe(200);
    const hamtat = await tnRegistrator.get(`/api/earkiv/exporter/${bestallt.body.id}/paket`);
    expect([hamtat.status, hamtat.body.code]).toEqual([403, 'EXPORT_SEKRETESS']);
    expect((await registrator.get(`/api/earkiv/exporter/${bestallt.body.id}/paket`)).status).toBe(200);
  });
});

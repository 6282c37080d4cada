import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { pdfText } from '@app/pdf/testing/pdf-verktyg';
import { PlatformModule } from '../../src/platform.module';
import { sql } from '@app/database/testing/test-infrastructure';
import { DemoRemiss, demoRemissMedHandling } from '@app/svar/testing/demo-remiss';
import { unSvar } from '@app/svar/testing/policy-fixture';

type Synpunkt = { id: string; text: string; typ: string; ordning: number };
type Body = Omit<ReturnType<typeof unSvar>, 'stallning'> & {
  fragesvar: { fraga: number; text: string }[];
  stallning?: string;
  synpunkter: (ReturnType<typeof unSvar>['synpunkter'][number] & { id?: string })[];
};

/** What an editor sends back: the answer as it was read, without the fields a save does not take. */
function somBody(svar: Record<string, unknown>): Body {
  const utanNull = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== null && k !== 'remissvarId' && k !== 'ordning'));
  return {
    ...(utanNull({
      titel: svar.titel,
      inledning: svar.inledning,
      avslutning: svar.avslutning,
      fotnoter: svar.fotnoter,
      stallning: svar.stallning,
      fragesvar: svar.fragesvar,
    }) as Body),
    synpunkter: (svar.synpunkter as Record<string, unknown>[]).map(utanNull) as Body['synpunkter'],
  };
}

/** The editor's model: synpunkter keep their ids, frågor get answers, the answer takes a position. */
describe('the content of a remissvar across saves (real PostgreSQL)', () => {
  let t: TestApp;
  let demo: DemoRemiss;
  let sekreterare: ApiClient;
  let handlaggare: ApiClient;
  let svarId: string;
  let version: number;
  let synpunkter: Synpunkt[];
  let senast: Record<string, unknown>;

  /** The answer as last read, to edit and send back. */
  const medIds = () => somBody(senast);
  const spara = async (client: ApiClient, body: object) => {
    const res = await client.put(`/api/remissvar/${svarId}`, body, { 'if-match': `"${version}"` });
    if (res.status === 200) {
      version = res.body.version;
      synpunkter = res.body.synpunkter;
      senast = res.body;
    }
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    demo = await demoRemissMedHandling(t.db.url);
    await sql(t.db.url, `UPDATE remiss SET fragor = $2::jsonb WHERE id = $1`, [
      demo.remissId,
      JSON.stringify([
        { nummer: 1, text: 'Är inriktningen rimlig?' },
        { nummer: 2, text: 'Vilka resurser behöver er verksamhet?' },
      ]),
    ]);
    [sekreterare, handlaggare] = await Promise.all([
      t.as('un.sekreterare@enkoping.demo'),
      t.as('un.handlaggare@enkoping.demo'),
    ]);
    await sekreterare.post(`/api/remissinstanser/${demo.instanser.UN}/registrera`, { diarienummer: 'UN2025/412' });
    const { stallning: _, ...utanStallning } = unSvar(demo.remisshandlingId);
    const res = await handlaggare.post(`/api/remissinstanser/${demo.instanser.UN}/remissvar`, {
      ...utanStallning,
      fragesvar: [{ fraga: 1, text: 'Ja, i huvudsak.' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ stallning: null, fragesvar: [{ fraga: 1, text: 'Ja, i huvudsak.' }] });
    svarId = res.body.id;
    version = res.body.version;
    synpunkter = res.body.synpunkter;
    senast = res.body;
  });
  afterAll(() => t.close());

  it('keeps the ids of the synpunkter across a save that edits one, and a reorder keeps them too', async () => {
    const ids = synpunkter.map((s) => s.id);
    const andrad = medIds();
    andrad.synpunkter[1].text = 'Formuleringen om pilotprojekt är för kategorisk.';
    const res = await spara(handlaggare, andrad);
    expect(res.status).toBe(200);
    expect(res.body.synpunkter.map((s: Synpunkt) => s.id)).toEqual(ids);
    expect(res.body.synpunkter[1].text).toBe('Formuleringen om pilotprojekt är för kategorisk.');

    const omvand = medIds();
    omvand.synpunkter.reverse();
    const efter = await spara(handlaggare, omvand);
    expect(efter.status).toBe(200);
    expect(efter.body.synpunkter.map((s: Synpunkt) => [s.id, s.ordning])).toEqual(
      [...ids].reverse().map((id, i) => [id, i + 1]),
    );
    const rader = await sql(t.db.url, `SELECT id, ordning FROM synpunkt WHERE remissvar_id = $1 ORDER BY ordning`, [
      svarId,
    ]);
    expect(rader.map((r) => r.id)).toEqual([...ids].reverse());
  });

  it('removes a synpunkt left out and inserts one without an id, keeping the others', async () => {
    const kvar = synpunkter.slice(1);
    const body = medIds();
    body.synpunkter = body.synpunkter.slice(1);
    const ny = { typ: 'ovrigt' as const, text: 'Nämnden vill bli kontaktad när policyn revideras.' };
    const res = await spara(handlaggare, { ...body, synpunkter: [...body.synpunkter, ny] });
    expect(res.status).toBe(200);
    expect(res.body.synpunkter.slice(0, 3).map((s: Synpunkt) => s.id)).toEqual(kvar.map((s) => s.id));
    expect(res.body.synpunkter[3]).toMatchObject({ text: ny.text, ordning: 4, id: expect.any(String) });
    expect(kvar.map((s) => s.id)).not.toContain(res.body.synpunkter[3].id);
    expect(
      (await sql(t.db.url, `SELECT count(*)::int AS n FROM synpunkt WHERE remissvar_id = $1`, [svarId]))[0].n,
    ).toBe(4);
  });

  it("refuses an id that is not one of this answer's synpunkter with 400 at its field, and writes nothing", async () => {
    // A synpunkt of another nämnd's answer: it must be refused, not moved into this one.
    const [tn] = await sql(
      t.db.url,
      `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, titel)
       SELECT mottagare_organisation_id, mottagare_enhet_id, id, 'Svar' FROM remissinstans WHERE id = $1 RETURNING id`,
      [demo.instanser.TN],
    );
    const [annan] = await sql(
      t.db.url,
      `INSERT INTO synpunkt (remissvar_id, ordning, typ, text) VALUES ($1, 1, 'ovrigt', 'Tekniska nämndens') RETURNING id`,
      [tn.id],
    );
    const body = medIds();
    body.synpunkter[2].id = annan.id;
    const res = await spara(handlaggare, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      fel: [{ falt: 'synpunkter[2].id', meddelande: expect.stringContaining('Synpunkt 3 finns inte längre i svaret') }],
    });
    const dubbel = medIds();
    dubbel.synpunkter[1].id = dubbel.synpunkter[0].id;
    expect((await spara(handlaggare, dubbel)).body.fel).toEqual([
      { falt: 'synpunkter[1].id', meddelande: 'Synpunkt 2 finns två gånger i svaret.' },
    ]);
    expect((await sekreterare.get(`/api/remissvar/${svarId}`)).body.version).toBe(version);
    expect(await sql(t.db.url, `SELECT remissvar_id, text FROM synpunkt WHERE id = $1`, [annan.id])).toEqual([
      { remissvar_id: tn.id, text: 'Tekniska nämndens' },
    ]);
  });

  it("stores an answer to each of the remiss' frågor and refuses one the remiss does not ask", async () => {
    const okand = await spara(handlaggare, { ...medIds(), fragesvar: [{ fraga: 3, text: 'Ja.' }] });
    expect((await spara(handlaggare, { ...medIds(), fragesvar: [{ fraga: 2, text: '' }] })).body.fragesvar).toEqual([]);
    expect([okand.status, okand.body.fel]).toEqual([
      400,
      [{ falt: 'fragesvar[0].fraga', meddelande: 'Remissen har ingen fråga 3.' }],
    ]);
    const res = await spara(handlaggare, {
      ...medIds(),
      fragesvar: [
        { fraga: 2, text: 'Stöd från IT-avdelningen för utveckling och innovation.' },
        { fraga: 1, text: 'Ja, med de ändringar nämnden föreslår.' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.fragesvar).toEqual([
      { fraga: 1, text: 'Ja, med de ändringar nämnden föreslår.' },
      { fraga: 2, text: 'Stöd från IT-avdelningen för utveckling och innovation.' },
    ]);
  });

  it('needs the position before för beslut, and keeps it', async () => {
    const utan = await handlaggare.post(`/api/remissvar/${svarId}/for-beslut`);
    expect([utan.status, utan.body.code, utan.body.fel?.[0]?.falt]).toEqual([400, 'VALIDATION_FAILED', 'stallning']);
    expect(utan.body.fel[0].meddelande).toContain('Ange svarets ställning');
    const fel = await spara(handlaggare, { ...medIds(), stallning: 'kanske' });
    expect(fel.status).toBe(400);
    const res = await spara(handlaggare, {
      ...medIds(),
      fragesvar: [{ fraga: 1, text: 'Ja, med de ändringar nämnden föreslår.' }],
      stallning: 'tillstyrker_med_andringar',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stallning: 'tillstyrker_med_andringar' });
  });

  it('prints the position as a sentence and each answered fråga with its answer in the PDF', async () => {
    await spara(handlaggare, {
      ...medIds(),
      fragesvar: [
        { fraga: 1, text: 'Ja, med de ändringar nämnden föreslår.' },
        { fraga: 2, text: 'Stöd från IT-avdelningen för utveckling och innovation.' },
      ],
    });
    const pdf = await sekreterare.get(`/api/remissvar/${svarId}/forhandsvisning`);
    expect(pdf.status).toBe(200);
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain('Utbildningsnämnden tillstyrker förslaget med de ändringar som framgår av detta yttrande.');
    expect(text).toContain(
      'Svar på remissens frågor Fråga 1: Är inriktningen rimlig? Ja, med de ändringar nämnden föreslår. ' +
        'Fråga 2: Vilka resurser behöver er verksamhet? Stöd från IT-avdelningen för utveckling och innovation.',
    );
    // The answer stands between the inledning and the first synpunkt.
    expect(text.indexOf('Svar på remissens frågor')).toBeGreaterThan(
      text.indexOf('Utbildningsnämnden har tagit del av'),
    );
    expect(text.indexOf('Svar på remissens frågor')).toBeLessThan(text.indexOf('Förvaltningen välkomnar inriktningen'));
  });

  it('summarises each save in Swedish from the diff, and each revision shows its whole content and who saved it', async () => {
    const historik = await sekreterare.get(`/api/remissvar/${svarId}/revisioner?pageSize=10`);
    expect(historik.body.items.map((r: { version: number; andring: string }) => [r.version, r.andring])).toEqual([
      [8, 'Svar på fråga 2 tillagt.'],
      [7, 'Svar på fråga 2 borttaget; ställning ändrad till tillstyrker med ändringar.'],
      [6, 'Svar på fråga 1 tillagt; svar på fråga 2 tillagt.'],
      [5, 'Svar på fråga 1 borttaget.'],
      [4, 'Synpunkt 1 borttagen; synpunkt 4 tillagd.'],
      [3, 'Synpunkter i ny ordning.'],
      [2, 'Synpunkt 2 ändrad.'],
      [1, 'Utkast skapat.'],
    ]);
    expect(historik.body.items[0].anvandare).toMatchObject({ namn: 'Erik Holm' });
    const v3 = await sekreterare.get(`/api/remissvar/${svarId}/revisioner/3`);
    expect(v3.status).toBe(200);
    expect(v3.body).toMatchObject({
      version: 3,
      anvandare: { namn: 'Erik Holm' },
      andring: 'Synpunkter i ny ordning.',
    });
    expect(v3.body.innehall).toMatchObject({
      status: 'utkast',
      titel: 'Svar på remiss om policy för digital omställning',
      inledning: expect.stringContaining('Utbildningsnämnden har tagit del av'),
      fotnoter: [expect.stringContaining('Böten')],
      stallning: null,
      fragesvar: [{ fraga: 1, text: 'Ja, i huvudsak.' }],
    });
    expect(v3.body.innehall.synpunkter).toHaveLength(4);
    expect(v3.body.innehall.synpunkter[0]).toMatchObject({
      typ: 'andringsforslag',
      sida: 5,
      strykText: expect.any(String),
    });
    const v8 = await sekreterare.get(`/api/remissvar/${svarId}/revisioner/8`);
    expect(v8.body.innehall.synpunkter.map((s: Synpunkt) => s.id)).toEqual(synpunkter.map((s) => s.id));
    expect((await sekreterare.get(`/api/remissvar/${svarId}/revisioner/99`)).status).toBe(404);
  });

  it('answers a stale save with 409 naming who changed what since, and writes nothing', async () => {
    const grund = version;
    const anna = await spara(sekreterare, {
      ...medIds(),
      avslutning: 'Utbildningsnämnden ser fram emot fortsatt dialog.',
    });
    expect(anna.status).toBe(200);
    const erik = await handlaggare.put(
      `/api/remissvar/${svarId}`,
      { ...medIds(), stallning: 'avstyrker' },
      { 'if-match': `"${grund}"` },
    );
    expect(erik.status).toBe(409);
    expect(erik.body).toMatchObject({
      code: 'STALE_VERSION',
      meddelande: 'Svaret har ändrats av Anna Berg sedan du öppnade det; ladda om och gör din ändring igen',
      details: {
        currentVersion: grund + 1,
        andringar: [
          {
            version: grund + 1,
            andring: 'Avslutning ändrad.',
            anvandare: { namn: 'Anna Berg' },
            createdAt: expect.any(String),
          },
        ],
      },
    });
    const nu = await sekreterare.get(`/api/remissvar/${svarId}`);
    expect(nu.body).toMatchObject({ version: grund + 1, stallning: 'tillstyrker_med_andringar' });
  });

  it('records a beslut only with its fields, each refusal at its field in Swedish, and no date after today', async () => {
    const forBeslut = await handlaggare.post(`/api/remissvar/${svarId}/for-beslut`);
    expect(forBeslut.status).toBe(200);
    version = forBeslut.body.version;
    senast = forBeslut.body;
    const { stallning: _, ...utan } = medIds();
    const utanStallning = await spara(handlaggare, utan);
    expect([utanStallning.status, utanStallning.body.fel?.[0]?.falt]).toEqual([400, 'stallning']);
    const beslut = (body: object) => sekreterare.post(`/api/remissvar/${svarId}/beslut`, body);
    const tom = await beslut({ typ: 'namndbeslut', paragraf: '  ' });
    expect([tom.status, tom.body.code, tom.body.fel]).toEqual([
      400,
      'VALIDATION_FAILED',
      [
        { falt: 'sammantradesdatum', meddelande: 'Ange sammanträdets datum.' },
        { falt: 'paragraf', meddelande: 'Ange paragrafen (§) i protokollet.' },
      ],
    ]);
    expect(tom.body.meddelande).toBe('Uppgifterna är inte giltiga: fälten sammanträdesdatum, paragraf');
    const imorgon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const framtid = await beslut({ typ: 'namndbeslut', sammantradesdatum: imorgon, paragraf: '§ 45' });
    expect([framtid.status, framtid.body.fel?.[0]?.falt]).toEqual([400, 'sammantradesdatum']);
    expect(framtid.body.fel[0].meddelande).toMatch(/^Sammanträdets datum kan inte vara senare än i dag/);
    const delegat = await beslut({ typ: 'delegationsbeslut', beslutsdatum: '2025-04-23' });
    expect(delegat.body.fel).toEqual([
      { falt: 'delegatNamn', meddelande: 'Ange vem som fattade beslutet på delegation.' },
    ]);
    expect((await sekreterare.get(`/api/remissvar/${svarId}`)).body).toMatchObject({
      status: 'for_beslut',
      beslut: null,
    });
    const ok = await beslut({
      typ: 'delegationsbeslut',
      delegatNamn: 'Per Ås',
      delegatTitel: 'Förvaltningschef',
      beslutsdatum: '2025-04-23',
    });
    expect(ok.body).toMatchObject({
      status: 'beslutat',
      beslut: { typ: 'delegationsbeslut', delegatNamn: 'Per Ås', beslutsdatum: '2025-04-23' },
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { forstaGiltigaSvarsdatum, koppla, remissUtkast } from '@app/remiss/testing/remiss-fixture';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

interface Katalograd {
  organisation: string;
  enhetId: string;
  kortnamn: string;
}

/**
 * Connections enforced (`organisationskoppling`): an organisation sends remisser only to itself and
 * to the organisations whose admin accepts its remisser. The demo lets Vadstena send to Enköping,
 * not the other way, so Enköping's remissansvarig starts unconnected to Vadstena.
 */
describe('connections decide whom a remiss can go to (API)', () => {
  let t: TestApp;
  let ks: ApiClient;
  let vadstenaAdmin: ApiClient;
  let enkopingId: string;
  let bun: string;
  let un: string;

  const katalog = async (): Promise<Katalograd[]> => (await ks.get('/api/remissmottagare')).body;
  const andraOrganisationer = async () =>
    [...new Set((await katalog()).map((e) => e.organisation))].filter((o) => o !== 'Enköpings kommun');
  const skicka = (id: string) => ks.post(`/api/remisser/${id}/skicka`);

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    ks = await t.as('remissansvarig@enkoping.demo');
    vadstenaAdmin = await t.as('admin@vadstena.demo');
    [{ id: bun }] = await sql(
      t.db.url,
      `SELECT e.id FROM enhet e JOIN organisation o ON o.id = e.organisation_id WHERE o.slug = 'vadstena' AND e.kortnamn = 'BUN'`,
    );
    un = (await katalog()).find((e) => e.kortnamn === 'UN')!.enhetId;
  }, 60_000);
  afterAll(() => t?.close());

  it('an unconnected organisation is neither listed nor accepted, as if its enheter did not exist', async () => {
    expect(await andraOrganisationer()).toEqual([]);
    const okand = {
      code: 'INVALID_MOTTAGARE',
      meddelande: 'En av mottagarna finns inte på plattformen',
      message: `Enhet ${bun} is not an enhet of an organisation on the platform`,
    };
    const utkast = {
      arendemening: 'Okopplad remiss',
      missiv: 'Synpunkter önskas.',
      svarsdatum: forstaGiltigaSvarsdatum(),
    };
    const ny = await ks.post('/api/remisser', { ...utkast, mottagare: [{ enhetId: bun }] });
    expect([ny.status, ny.body]).toEqual([400, expect.objectContaining(okand)]);
    expect(await sql(t.db.url, `SELECT 1 FROM remiss WHERE arendemening = 'Okopplad remiss'`)).toEqual([]);

    const remiss = await remissUtkast(ks, 'Förslag till lekplatsplan', [{ enhetId: un }]);
    const tillagd = await ks.post(`/api/remisser/${remiss.id}/mottagare`, { mottagare: [{ enhetId: bun }] });
    expect([tillagd.status, tillagd.body]).toEqual([400, expect.objectContaining(okand)]);
    const bockad = await ks.post(`/api/remisser/${remiss.id}/mottagare/enheter`, { enhetIds: [un, bun] });
    expect([bockad.status, bockad.body.code]).toEqual([400, 'INVALID_MOTTAGARE']);
    const lista = await ks.post('/api/sandlistor', { namn: 'Grannkommuner', mottagare: [{ enhetId: bun }] });
    expect([lista.status, lista.body.code]).toEqual([400, 'INVALID_MOTTAGARE']);
    const [{ utkast_mottagare }] = await sql(t.db.url, `SELECT utkast_mottagare FROM remiss WHERE id = $1`, [
      remiss.id,
    ]);
    expect(utkast_mottagare).toEqual([{ typ: 'enhet', enhetId: un }]);

    // Nor after sending: an instans added later is chosen by the same rule.
    expect((await skicka(remiss.id)).status).toBe(200);
    const efter = await ks.post(`/api/remisser/${remiss.id}/instanser`, { enhetId: bun });
    expect([efter.status, efter.body.fel]).toEqual([
      400,
      [expect.objectContaining({ falt: 'enhetId', meddelande: 'Välj en enhet i listan.' })],
    ]);
    expect(
      await sql(t.db.url, `SELECT 1 FROM remissinstans WHERE remiss_id = $1 AND mottagare_enhet_id = $2`, [
        remiss.id,
        bun,
      ]),
    ).toEqual([]);
  }, 60_000);

  it("once the receiver's admin accepts, its answering enheter are listed, chosen and sent to", async () => {
    enkopingId = await koppla(vadstenaAdmin, 'Enköpings kommun');
    const vadstena = (await katalog()).filter((e) => e.organisation === 'Vadstena kommun');
    expect(vadstena.map((e) => e.kortnamn).sort()).toEqual(['BUN', 'KS']);

    const remiss = await remissUtkast(ks, 'Förslag till skolskjutsregler', [{ enhetId: un }, { enhetId: bun }]);
    expect((await skicka(remiss.id)).status).toBe(200);
    const instanser = await sql(t.db.url, `SELECT namn FROM remissinstans WHERE remiss_id = $1 ORDER BY namn`, [
      remiss.id,
    ]);
    expect(instanser.map((i) => i.namn)).toEqual([
      'Utbildningsnämnden',
      'Vadstena kommun, Barn- och utbildningsnämnden',
    ]);

    // An instans added after sending, too.
    const senare = await remissUtkast(ks, 'Förslag till badplatsplan', [{ enhetId: un }]);
    expect((await skicka(senare.id)).status).toBe(200);
    expect((await ks.post(`/api/remisser/${senare.id}/instanser`, { enhetId: bun })).status).toBe(201);
  }, 60_000);

  it('a connection removed after the draft chose its enheter: the draft names them still, and the send (and saving it as a sändlista) is refused naming the organisation', async () => {
    const remiss = await remissUtkast(ks, 'Förslag till idrottspolicy', [{ enhetId: un }, { enhetId: bun }]);
    expect((await vadstenaAdmin.delete(`/api/admin/kopplingar/${enkopingId}`)).status).toBe(200);
    expect(await andraOrganisationer()).toEqual([]);

    const text =
      'Vadstena kommun tar inte längre emot remisser från er organisation. Ta bort dess enheter bland mottagarna innan remissen skickas.';
    const sammanfattning = (await ks.get(`/api/remisser/${remiss.id}/skicka`)).body;
    expect(sammanfattning.mottagare).toContainEqual(
      expect.objectContaining({ namn: 'Barn- och utbildningsnämnden', organisation: 'Vadstena kommun' }),
    );
    expect(sammanfattning.hinder).toEqual([text]);

    const nekad = await skicka(remiss.id);
    expect([nekad.status, nekad.body.code, nekad.body.meddelande, nekad.body.details]).toEqual([
      409,
      'MOTTAGARE_EJ_KOPPLAD',
      text,
      { organisationer: ['Vadstena kommun'] },
    ]);
    const [rad] = await sql(
      t.db.url,
      `SELECT r.status, (SELECT count(*)::int FROM remissinstans i WHERE i.remiss_id = r.id) AS instanser FROM remiss r WHERE r.id = $1`,
      [remiss.id],
    );
    expect(rad).toEqual({ status: 'utkast', instanser: 0 });
    // Nor can the list be saved as a sändlista, which would carry the enhet on to the next remiss.
    const sparad = await ks.post(`/api/remisser/${remiss.id}/sandlista`, { namn: 'Idrottens remissinstanser' });
    expect([sparad.status, sparad.body.code, sparad.body.meddelande]).toEqual([409, 'MOTTAGARE_EJ_KOPPLAD', text]);
    expect(await sql(t.db.url, `SELECT 1 FROM sandlista WHERE namn = 'Idrottens remissinstanser'`)).toEqual([]);

    // The rest of the list can still change; the enhet stays until removed, and then the send goes.
    const extern = await ks.post(`/api/remisser/${remiss.id}/mottagare`, {
      mottagare: [{ namn: 'Idrottsförbundet', epost: 'kansli@idrott.example.se' }],
    });
    expect(extern.status).toBe(200);
    expect((await ks.delete(`/api/remisser/${remiss.id}/mottagare/${bun}`)).status).toBe(204);
    expect((await skicka(remiss.id)).status).toBe(200);
    const instanser = await sql(t.db.url, `SELECT namn FROM remissinstans WHERE remiss_id = $1 ORDER BY namn`, [
      remiss.id,
    ]);
    expect(instanser.map((i) => i.namn)).toEqual(['Idrottsförbundet', 'Utbildningsnämnden']);
  }, 60_000);

  it('an enhet chosen as a nämnd that its organisation makes a förvaltning before the send: the send is refused naming it', async () => {
    await koppla(vadstenaAdmin, 'Enköpings kommun');
    const remiss = await remissUtkast(ks, 'Förslag till fritidsgårdsplan', [{ enhetId: un }, { enhetId: bun }]);
    const [{ namn, kortnamn, funktionsbrevlada }] = await sql(
      t.db.url,
      `SELECT namn, kortnamn, funktionsbrevlada FROM enhet WHERE id = $1`,
      [bun],
    );
    const typ = (typ: string) =>
      vadstenaAdmin.put(`/api/admin/enheter/${bun}`, { namn, kortnamn, funktionsbrevlada, typ });
    expect((await typ('forvaltning')).status).toBe(200);

    const text =
      'Vadstena kommun, Barn- och utbildningsnämnden är numera en förvaltning och tar inte emot remisser i eget namn. Ta bort den bland mottagarna innan remissen skickas.';
    const sammanfattning = (await ks.get(`/api/remisser/${remiss.id}/skicka`)).body;
    expect(sammanfattning.hinder).toEqual([text]);
    // The draft's page says it beside the enhet.
    expect((await ks.get(`/remisser/${remiss.id}/mottagare`)).body).toContain(
      'Nej: enheten är numera en förvaltning och tar inte emot remisser i eget namn. Ta bort den innan remissen skickas.',
    );
    const nekad = await skicka(remiss.id);
    expect([nekad.status, nekad.body.code, nekad.body.meddelande, nekad.body.details]).toEqual([
      409,
      'MOTTAGARE_FORVALTNING',
      text,
      { enheter: ['Vadstena kommun, Barn- och utbildningsnämnden'] },
    ]);
    expect(await sql(t.db.url, `SELECT 1 FROM remissinstans WHERE remiss_id = $1`, [remiss.id])).toEqual([]);

    // Made a nämnd again, it answers in its own name: the send goes.
    expect((await typ('namnd')).status).toBe(200);
    expect((await ks.get(`/api/remisser/${remiss.id}/skicka`)).body.hinder).toEqual([]);
    expect((await skicka(remiss.id)).status).toBe(200);
  }, 60_000);
});

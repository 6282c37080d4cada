import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { Client } from 'pg';
import { PlatformModule } from '../../src/platform.module';

describe('tenancy: nothing leaks across organisations or nämnder', () => {
  let t: TestApp;
  let sql: Client;
  let vadstena: ApiClient;
  let snDraftId: string;

  const ids = async (query: string) => (await sql.query<{ id: string }>(query)).rows.map((r) => r.id);

  beforeAll(async () => {
    t = await startTestApp(PlatformModule.forRoot);
    sql = new Client({ connectionString: t.db.url });
    await sql.connect();
    vadstena = await t.as('remissansvarig@vadstena.demo');
    // A draft answer of Socialnämnden to the demo remiss.
    const { rows } = await sql.query<{ id: string }>(`
      INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, titel, inledning)
      SELECT i.mottagare_organisation_id, i.mottagare_enhet_id, i.id, 'Svar på remiss om policy för digital omställning', 'Socialnämndens utkast'
      FROM remissinstans i JOIN enhet e ON e.id = i.mottagare_enhet_id WHERE e.kortnamn = 'SN'
      RETURNING id`);
    snDraftId = rows[0].id;
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  const enkoping = `(SELECT id FROM organisation WHERE slug = 'enkoping')`;

  it('gives a Vadstena user 404 for every Enköping id', async () => {
    const cases: [string, string[]][] = [
      ['/api/enheter/', await ids(`SELECT id FROM enhet WHERE organisation_id = ${enkoping}`)],
      ['/api/arenden/', await ids(`SELECT id FROM arende WHERE organisation_id = ${enkoping}`)],
      ['/api/remisser/', await ids(`SELECT id FROM remiss WHERE organisation_id = ${enkoping}`)],
      ['/api/remissvar/', await ids(`SELECT id FROM remissvar WHERE organisation_id = ${enkoping}`)],
    ];
    for (const [path, list] of cases) {
      expect(list.length).toBeGreaterThan(0);
      for (const id of list) {
        const res = await vadstena.get(path + id);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
      }
    }
    const diarier = await vadstena.get('/api/diarier');
    expect(diarier.body.map((d: { prefix: string }) => d.prefix).sort()).toEqual(['BUN', 'KS']);
  });

  it('keeps a nämnd draft inside the nämnd until it is expedierat', async () => {
    const un = await t.as('un.sekreterare@enkoping.demo');
    const sn = await t.as('sn.sekreterare@enkoping.demo');
    const ks = await t.as('remissansvarig@enkoping.demo');

    expect((await sn.get(`/api/remissvar/${snDraftId}`)).body.inledning).toBe('Socialnämndens utkast');
    expect((await un.get(`/api/remissvar/${snDraftId}`)).status).toBe(404);
    expect((await ks.get(`/api/remissvar/${snDraftId}`)).status).toBe(404);

    await sql.query(`UPDATE remissvar SET status = 'expedierat' WHERE id = $1`, [snDraftId]);
    expect((await ks.get(`/api/remissvar/${snDraftId}`)).status).toBe(200);
    expect((await un.get(`/api/remissvar/${snDraftId}`)).status).toBe(404);
  });
});

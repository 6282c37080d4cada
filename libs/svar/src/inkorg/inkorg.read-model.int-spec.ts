import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions, LIST_COUNT_CAP } from '@app/database';
import { createTestDatabase, sql, TestDatabase } from '@app/database/testing/test-infrastructure';
import { DataSource } from 'typeorm';
import { INKORG_SIDA, InkorgReadModel } from './inkorg.read-model';
import { INKORG_SORTERING, InkorgQuery } from './inkorg.dto';

const IDAG = '2026-06-01';
const query = (q: Partial<InkorgQuery>): InkorgQuery =>
  Object.assign(new InkorgQuery(), { page: 1, pageSize: 50, sort: 'svarsdatum', order: 'asc', ...q });

/** 1,100 remisser sent to BMN (one with a draft answer), on a real database. */
describe('the inkorg read model: typed pages from one index walk, searched by trigram, counted up to a cap', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let inkorg: InkorgReadModel;
  let bmn: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    inkorg = new InkorgReadModel(dataSource);
    const [{ org, ks, enhet }] = await sql(
      db.url,
      `WITH o AS (INSERT INTO organisation (namn, slug, typ) VALUES ('Enköpings kommun', 'enkoping', 'kommun') RETURNING id),
            e AS (INSERT INTO enhet (organisation_id, namn, kortnamn, typ)
                  SELECT o.id, n, k, t::enhet_typ FROM o, (VALUES ('Kommunstyrelsen', 'KS', 'styrelse'), ('Bygg- och miljönämnden', 'BMN', 'namnd')) v(n, k, t)
                  RETURNING id, kortnamn)
       SELECT (SELECT id FROM o) AS org, (SELECT id FROM e WHERE kortnamn = 'KS') AS ks, (SELECT id FROM e WHERE kortnamn = 'BMN') AS enhet`,
    );
    bmn = enhet;
    await sql(
      db.url,
      `INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, svarsdatum, status, utskickad_at)
       SELECT $1, $2, 'KS2026/' || g, (ARRAY['Avfallsplan', 'Taxa för tillsyn', 'Översiktsplan'])[1 + g % 3] || ' ' || g,
              DATE '2026-05-01' + g % 60, 'utskickad', TIMESTAMPTZ '2026-03-01' + g * interval '1 minute'
         FROM generate_series(1, 1100) g`,
      [org, ks],
    );
    await sql(
      db.url,
      `INSERT INTO remissinstans (organisation_id, remiss_id, namn, mottagare_organisation_id, mottagare_enhet_id, status, svarsdatum, mottagare_diarienummer)
       SELECT $1, r.id, 'Bygg- och miljönämnden', $1, $2,
              (CASE WHEN substr(r.diarienummer, 8)::int % 4 = 0 THEN 'besvarad' ELSE 'inbjuden' END)::remissinstans_status,
              r.svarsdatum, 'BMN2026/' || substr(r.diarienummer, 8)
         FROM remiss r WHERE r.diarienummer LIKE 'KS2026/%'`,
      [org, bmn],
    );
    await sql(
      db.url,
      `INSERT INTO remissvar (organisation_id, enhet_id, remissinstans_id, status, titel, inledning)
       SELECT $1, $2, i.id, 'utkast', 'Svar', '' FROM remissinstans i WHERE i.mottagare_diarienummer = 'BMN2026/7'`,
      [org, bmn],
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('answers pages whose JSON text parses as the result type, for every sort, order and filter, and as objects for the web', async () => {
    for (const sort of INKORG_SORTERING)
      for (const order of ['asc', 'desc'] as const)
        for (const filter of [{}, { status: 'besvarad' as const }, { forsenad: true }, { q: 'plan' }]) {
          const q = query({ sort, order, pageSize: 7, page: 3, ...filter });
          const text = await inkorg.text(bmn, IDAG, q);
          const sida = INKORG_SIDA.parse(JSON.parse(text));
          expect(sida.items).toHaveLength(7);
          expect(await inkorg.list(bmn, IDAG, q)).toEqual(sida);
        }
    const [utkast] = (await inkorg.list(bmn, IDAG, query({ q: 'BMN2026/7', sort: 'diarienummer' }))).items;
    expect(utkast).toMatchObject({
      avsandarDiarienummer: 'KS2026/7',
      mottagareDiarienummer: 'BMN2026/7',
      avsandare: 'Kommunstyrelsen',
      svarsdatumText: `senast ${utkast.svarsdatum} kl. 23.59`,
      utskickadAt: '2026-03-01T00:07:00.000Z',
      remissvar: { status: 'utkast', typ: 'yttrande', version: 1 },
    });
  });

  it('orders each sort by its key, then the instans id, the same way on every page', async () => {
    const keys: Record<(typeof INKORG_SORTERING)[number], string> = {
      svarsdatum: 'i.svarsdatum',
      utskickad: 'r.utskickad_at',
      arendemening: 'r.arendemening',
      status: 'i.status',
      diarienummer: 'r.diarienummer',
    };
    for (const sort of INKORG_SORTERING) {
      const sidor = await Promise.all(
        [1, 2, 3].map((page) => inkorg.list(bmn, IDAG, query({ sort, order: 'desc', page, pageSize: 40 }))),
      );
      const expected = await sql(
        db.url,
        `SELECT i.id FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id WHERE i.mottagare_enhet_id = $1
          ORDER BY ${keys[sort]} DESC, i.id DESC LIMIT 120`,
        [bmn],
      );
      expect(sidor.flatMap((s) => s.items.map((r) => r.instansId))).toEqual(expected.map((r) => r.id));
      // A text search reads its matches once for page and count: the same order, page by page.
      const traffar = await Promise.all(
        [1, 2].map((page) => inkorg.list(bmn, IDAG, query({ sort, order: 'asc', page, pageSize: 15, q: 'tillsyn' }))),
      );
      const expectedTraffar = await sql(
        db.url,
        `SELECT i.id FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id
          WHERE i.mottagare_enhet_id = $1 AND r.arendemening ILIKE '%tillsyn%' ORDER BY ${keys[sort]}, i.id LIMIT 30`,
        [bmn],
      );
      expect(traffar.flatMap((s) => s.items.map((r) => r.instansId))).toEqual(expectedTraffar.map((r) => r.id));
    }
  });

  it('finds text in any one of the ärendemening and the two dnr, not across them', async () => {
    const sok = async (q: string) => (await inkorg.list(bmn, IDAG, query({ q, pageSize: 200 }))).total;
    // "Taxa för tillsyn <g>" for g % 3 = 1: 10, then 100, 103, 106, 109, then 34 of 1000–1099.
    expect(await sok('taxa för tillsyn 10')).toBe(39);
    expect(await sok('tillsyn 1000')).toBe(1);
    expect(await sok('BMN2026/1100')).toBe(1);
    expect(await sok('KS2026/1099')).toBe(1);
    expect(await sok('1099 KS2026')).toBe(0); // the ärendemening's end and the dnr's start
    expect(await sok('50%')).toBe(0); // LIKE's wildcards are text here
  });

  it('counts up to the cap and says there are more; filters count exactly below it', async () => {
    const alla = await inkorg.list(bmn, IDAG, query({}));
    expect([alla.total, alla.totalCapped]).toEqual([LIST_COUNT_CAP, true]);
    const besvarade = await inkorg.list(bmn, IDAG, query({ status: 'besvarad' }));
    expect([besvarade.total, besvarade.totalCapped]).toEqual([275, false]);
    // Pages beyond the cap are still there: rows 1,051–1,100.
    expect((await inkorg.list(bmn, IDAG, query({ page: 22, pageSize: 50 }))).items).toHaveLength(50);
    expect((await inkorg.list(bmn, IDAG, query({ page: 23, pageSize: 50 }))).items).toHaveLength(0);
  });

  it('counts each status and the försenade as the filtered pages do, capped', async () => {
    const antal = new Map((await inkorg.antal(bmn, IDAG)).map((a) => [a.status, a.n]));
    for (const status of ['inbjuden', 'besvarad', 'registrerad'] as const)
      expect([status, antal.get(status)]).toEqual([status, (await inkorg.list(bmn, IDAG, query({ status }))).total]);
    expect(antal.get('inbjuden')).toBe(825);
    expect(antal.get('forsenad')).toBe((await inkorg.list(bmn, IDAG, query({ forsenad: true }))).total);
    // A year on, every unanswered one is late.
    expect(new Map((await inkorg.antal(bmn, '2027-06-01')).map((a) => [a.status, a.n])).get('forsenad')).toBe(825);
    // All 1,100 registrerad: counted up to the cap and one more, which the page shows as "1000+".
    await sql(db.url, `UPDATE remissinstans SET status = 'registrerad' WHERE mottagare_enhet_id = $1`, [bmn]);
    const alla = new Map((await inkorg.antal(bmn, IDAG)).map((a) => [a.status, a.n]));
    expect([alla.get('registrerad'), alla.get('besvarad')]).toEqual([LIST_COUNT_CAP + 1, 0]);
    await sql(
      db.url,
      `UPDATE remissinstans i SET status = (CASE WHEN substr(r.diarienummer, 8)::int % 4 = 0 THEN 'besvarad' ELSE 'inbjuden' END)::remissinstans_status
         FROM remiss r WHERE r.id = i.remiss_id AND i.mottagare_enhet_id = $1`,
      [bmn],
    );
  });

  it("follows a change of a sent remiss' ärendemening into the inkorg and its search", async () => {
    await sql(db.url, `UPDATE remiss SET arendemening = 'Nytt namn på planen' WHERE diarienummer = 'KS2026/5'`);
    const [rad] = (await inkorg.list(bmn, IDAG, query({ q: 'nytt namn' }))).items;
    expect(rad).toMatchObject({ avsandarDiarienummer: 'KS2026/5', arendemening: 'Nytt namn på planen' });
  });
});

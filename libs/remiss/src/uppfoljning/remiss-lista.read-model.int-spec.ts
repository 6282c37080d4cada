import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions, LIST_COUNT_CAP } from '@app/database';
import { createTestDatabase, sql, TestDatabase } from '@app/database/testing/test-infrastructure';
import { DataSource } from 'typeorm';
import { REMISS_SIDA, RemissFilter, RemissListaReadModel } from './remiss-lista.read-model';

const SORTS = ['svarsdatum', 'skapad', 'diarienummer', 'arendemening', 'status'] as const;

/** 1,100 remisser of one organisation (every tenth a draft), each sent one to two instanser, on a real database. */
describe('the remisser list read model: typed pages from one index walk, searched by trigram, counted up to a cap', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let lista: RemissListaReadModel;
  let filter: (f: Partial<RemissFilter>) => RemissFilter;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    lista = new RemissListaReadModel(dataSource);
    const [{ org, ks }] = await sql(
      db.url,
      `WITH o AS (INSERT INTO organisation (namn, slug, typ) VALUES ('Enköpings kommun', 'enkoping', 'kommun') RETURNING id),
            e AS (INSERT INTO enhet (organisation_id, namn, kortnamn, typ) SELECT o.id, 'Kommunstyrelsen', 'KS', 'styrelse' FROM o RETURNING id)
       SELECT (SELECT id FROM o) AS org, (SELECT id FROM e) AS ks`,
    );
    filter = (f) => ({
      organisationId: org,
      idag: '2026-06-01',
      sort: 'skapad',
      order: 'desc',
      page: 1,
      pageSize: 50,
      ...f,
    });
    await sql(
      db.url,
      `INSERT INTO remiss (organisation_id, avsandare_enhet_id, diarienummer, arendemening, svarsdatum, status, utskickad_at, created_at)
       SELECT $1, $2, 'KS2026/' || g, (ARRAY['Avfallsplan', 'Taxa för tillsyn', 'Översiktsplan'])[1 + g % 3] || ' ' || g,
              DATE '2026-05-01' + g % 60, (CASE WHEN g % 10 = 0 THEN 'utkast' ELSE 'utskickad' END)::remiss_status,
              CASE WHEN g % 10 <> 0 THEN TIMESTAMPTZ '2026-03-01' + g * interval '1 minute' END, TIMESTAMPTZ '2026-02-01' + g * interval '1 minute'
         FROM generate_series(1, 1100) g`,
      [org, ks],
    );
    await sql(
      db.url,
      `INSERT INTO remissinstans (organisation_id, remiss_id, namn, extern_epost, status, svarsdatum)
       SELECT $1, r.id, 'Part ' || n, 'part' || n || '@example.se', (CASE WHEN n = 2 THEN 'besvarad' ELSE 'inbjuden' END)::remissinstans_status, r.svarsdatum
         FROM remiss r CROSS JOIN generate_series(1, 2) n WHERE r.status = 'utskickad' AND (n = 1 OR substr(r.diarienummer, 8)::int % 2 = 0)`,
      [org],
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('answers pages whose JSON text parses as the result type, for every sort, order and filter, and as objects for the web', async () => {
    for (const sort of SORTS)
      for (const order of ['asc', 'desc'] as const)
        for (const f of [
          {},
          { status: 'utkast' as const },
          { forsenad: true },
          { forsenad: false },
          { text: 'plan' },
        ]) {
          const q = filter({ sort, order, pageSize: 7, page: 3, ...f });
          const sida = REMISS_SIDA.parse(JSON.parse(await lista.text(q)));
          expect(sida.items).toHaveLength(7);
          expect(await lista.list(q)).toEqual(sida);
        }
    const [rad] = (await lista.list(filter({ text: 'KS2026/1098' }))).items;
    expect(rad).toMatchObject({
      diarienummer: 'KS2026/1098',
      utskickadAt: '2026-03-01T18:18:00.000Z',
      antalInstanser: 2,
      antalBesvarade: 1,
      antalForsenade: 1,
    });
  });

  it('orders each sort by its key, then the remiss id, the same way on every page', async () => {
    const keys = {
      svarsdatum: 'svarsdatum',
      skapad: 'created_at',
      diarienummer: 'diarienummer',
      arendemening: 'arendemening',
      status: 'status',
    };
    for (const sort of SORTS) {
      const sidor = await Promise.all(
        [1, 2, 3].map((page) => lista.list(filter({ sort, order: 'asc', page, pageSize: 40 }))),
      );
      const expected = await sql(db.url, `SELECT id FROM remiss ORDER BY ${keys[sort]}, id LIMIT 120`);
      expect(sidor.flatMap((s) => s.items.map((r) => r.id))).toEqual(expected.map((r) => r.id));
      // A text search reads its matches once for page and count: the same order, page by page.
      const traffar = await Promise.all(
        [1, 2].map((page) => lista.list(filter({ sort, order: 'desc', page, pageSize: 15, text: 'tillsyn' }))),
      );
      const expectedTraffar = await sql(
        db.url,
        `SELECT id FROM remiss WHERE arendemening ILIKE '%tillsyn%' ORDER BY ${keys[sort]} DESC, id DESC LIMIT 30`,
      );
      expect(traffar.flatMap((s) => s.items.map((r) => r.id))).toEqual(expectedTraffar.map((r) => r.id));
    }
  });

  it('finds text in the ärendemening or the dnr, not across them, and counts up to the cap', async () => {
    const total = async (f: Partial<RemissFilter>) => (await lista.list(filter(f))).total;
    expect(await total({ text: 'taxa för tillsyn 10' })).toBe(39);
    expect(await total({ text: 'KS2026/1099' })).toBe(1);
    expect(await total({ text: '1099 KS2026' })).toBe(0);
    expect(await total({ status: 'utkast' })).toBe(110);
    const alla = await lista.list(filter({}));
    expect([alla.total, alla.totalCapped]).toEqual([LIST_COUNT_CAP, true]);
    expect((await lista.list(filter({ page: 22 }))).items).toHaveLength(50);
  });
});

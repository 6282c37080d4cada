import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source';
import { createTestDatabase, TestDatabase } from '../testing/test-infrastructure';
import { ForstaDiarium1764500001050 } from './1764500001050-forsta-diarium';

/** An organisation onboarded before onboarding made a diarium gets one; one whose admin made its own keeps it. */
describe('ForstaDiarium1764500001050', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const enhet = async (organisation: string, namn: string, kortnamn: string) =>
    (
      await ds.query(
        `INSERT INTO enhet (organisation_id, namn, kortnamn, typ) VALUES ($1, $2, $3, 'styrelse') RETURNING id`,
        [organisation, namn, kortnamn],
      )
    )[0].id as string;
  const organisation = async (namn: string, slug: string) =>
    (
      await ds.query(`INSERT INTO organisation (namn, slug, typ) VALUES ($1, $2, 'region') RETURNING id`, [namn, slug])
    )[0].id as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it("gives the first enhet of an organisation without a diarium the diarium onboarding makes, and nobody else's", async () => {
    const utan = await organisation('Region Utan', 'region-utan');
    const rs = await enhet(utan, 'Regionstyrelsen', 'RS');
    const hsn = await enhet(utan, 'Hälso- och sjukvårdsnämnden', 'HSN');
    const med = await organisation('Region Med', 'region-med');
    const egen = await enhet(med, 'Regionstyrelsen', 'RS');
    const [{ id: eget }] = await ds.query(
      `INSERT INTO diarium (organisation_id, namn, prefix, format) VALUES ($1, 'Regionens diarium', 'RM', '{prefix}{year}/{seq}') RETURNING id`,
      [med],
    );
    await ds.query(`UPDATE enhet SET diarium_id = $2 WHERE id = $1`, [egen, eget]);

    const runner = ds.createQueryRunner();
    await new ForstaDiarium1764500001050().up(runner);
    // Run twice, as a half-applied deploy might: the second finds nothing to do.
    await new ForstaDiarium1764500001050().up(runner);
    await runner.release();

    const diarier = await ds.query(
      `SELECT d.organisation_id AS org, d.namn, d.prefix, d.format, array_agg(e.id) AS enheter
         FROM diarium d LEFT JOIN enhet e ON e.diarium_id = d.id
        WHERE d.organisation_id IN ($1, $2) GROUP BY d.id ORDER BY d.namn`,
      [utan, med],
    );
    expect(diarier).toEqual([
      { org: med, namn: 'Regionens diarium', prefix: 'RM', format: '{prefix}{year}/{seq}', enheter: [egen] },
      { org: utan, namn: 'Regionstyrelsens diarium', prefix: 'RS', format: '{prefix} {year}/{seq:4}', enheter: [rs] },
    ]);
    expect(await ds.query(`SELECT diarium_id FROM enhet WHERE id = $1`, [hsn])).toEqual([{ diarium_id: null }]);
  });
});

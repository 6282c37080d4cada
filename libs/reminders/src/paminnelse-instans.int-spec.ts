import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions } from '@app/database';
import { createTestDatabase, TestDatabase } from '@app/database/testing/test-infrastructure';
import { loadDemoData } from '@app/demo';
import { DataSource } from 'typeorm';

/** The database keeps each reminder with an instans of its own organisation, as a foreign key would. */
describe('a reminder belongs to an instans of its own organisation (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let instans: { id: string; organisation_id: string };
  let vadstena: string;

  const paminnelse = (remissinstansId: string, organisationId: string, typ = 'fore_3') =>
    dataSource.query(
      `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at) VALUES ($1, $2, $3, '2030-05-15', '2030-05-10T06:00:00Z') RETURNING id`,
      [organisationId, remissinstansId, typ],
    );
  const vagrad = (text: RegExp) => ({ code: '23503', message: expect.stringMatching(text) });
  const antal = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM paminnelse`))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 2)).initialize();
    await loadDemoData(dataSource);
    [instans] = await dataSource.query(
      `SELECT i.id, i.organisation_id FROM remissinstans i JOIN remiss r ON r.id = i.remiss_id WHERE r.diarienummer = 'KS2025/118' LIMIT 1`,
    );
    [{ id: vadstena }] = await dataSource.query(`SELECT id FROM organisation WHERE slug = 'vadstena'`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('refuses a reminder of an instans that does not exist, or of another organisation, and writes none of the statement', async () => {
    const fore = await antal();
    await expect(paminnelse('00000000-0000-4000-8000-000000000000', instans.organisation_id)).rejects.toMatchObject(
      vagrad(/same organisation/),
    );
    await expect(paminnelse(instans.id, vadstena)).rejects.toMatchObject(vagrad(/same organisation/));
    await expect(
      dataSource.query(
        `INSERT INTO paminnelse (organisation_id, remissinstans_id, typ, svarsdatum, due_at)
         VALUES ($1, $2, 'fore_10', '2030-05-15', now()), ($3, $2, 'fore_3', '2030-05-15', now())`,
        [instans.organisation_id, instans.id, vadstena],
      ),
    ).rejects.toMatchObject(vagrad(/same organisation/));
    expect(await antal()).toBe(fore);
  });

  it('keeps a reminder with its instans, and an instans with reminders in place', async () => {
    const [{ id }] = await paminnelse(instans.id, instans.organisation_id, 'pa_dagen');
    await expect(
      dataSource.query(`UPDATE paminnelse SET organisation_id = $2 WHERE id = $1`, [id, vadstena]),
    ).rejects.toMatchObject(vagrad(/keeps its remissinstans/));
    await expect(
      dataSource.query(`UPDATE remissinstans SET organisation_id = $2 WHERE id = $1`, [instans.id, vadstena]),
    ).rejects.toMatchObject(vagrad(/with reminders/));
    await expect(dataSource.query(`DELETE FROM remissinstans WHERE id = $1`, [instans.id])).rejects.toMatchObject(
      vagrad(/with reminders/),
    );
    await dataSource.query(`UPDATE paminnelse SET status = 'avbruten' WHERE id = $1`, [id]);
    expect(
      await dataSource.query(`SELECT remissinstans_id, organisation_id, status::text FROM paminnelse WHERE id = $1`, [
        id,
      ]),
    ).toEqual([{ remissinstans_id: instans.id, organisation_id: instans.organisation_id, status: 'avbruten' }]);
  });
});

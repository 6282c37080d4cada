import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { preparedQuery, preparedRead } from './prepared-statements';
import { createTestDatabase, TestDatabase } from './testing/test-infrastructure';

describe("prepared statements: hot reads, and hot writes in the caller's transaction (real PostgreSQL)", () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url, 4)).initialize();
    await dataSource.query('CREATE SEQUENCE korning; CREATE TABLE anteckning (text text)');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  // Each execution takes the next number of the sequence, so equal numbers would mean one shared execution.
  const korning = () =>
    preparedRead<{ n: string }>(dataSource, `SELECT nextval('korning') AS n, pg_sleep(0.2) IS NULL AS sov`, []);

  it('runs two identical reads at once as two executions of the one prepared statement', async () => {
    const [a, b] = await Promise.all([korning(), korning()]);
    expect([Number(a[0].n), Number(b[0].n)].sort()).toEqual([1, 2]);
  });

  it("runs preparedQuery in the caller's transaction: it sees that transaction's writes and is undone with it", async () => {
    await dataSource.query('TRUNCATE anteckning');
    const skriv = (manager: EntityManager, text: string) =>
      preparedQuery<{ n: number }>(
        manager,
        `INSERT INTO anteckning VALUES ($1) RETURNING (SELECT count(*) FROM anteckning)::int + 1 AS n`,
        [text],
      );
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await skriv(manager, 'första')).toEqual([{ n: 1 }]);
        expect(await skriv(manager, 'andra')).toEqual([{ n: 2 }]);
        throw new Error('ångrat');
      }),
    ).rejects.toThrow('ångrat');
    expect(await dataSource.query('SELECT count(*)::int AS n FROM anteckning')).toEqual([{ n: 0 }]);
    await expect(skriv(dataSource.manager, 'utan transaktion')).rejects.toThrow('runs in a transaction');
  });

  it('runs preparedQuery on the DataSource as a statement of its own, committed at once', async () => {
    await dataSource.query('TRUNCATE anteckning');
    const skriv = (text: string) =>
      preparedQuery<{ text: string }>(dataSource, `INSERT INTO anteckning VALUES ($1) RETURNING text`, [text]);
    expect(await skriv('ett')).toEqual([{ text: 'ett' }]);
    expect(await skriv('två')).toEqual([{ text: 'två' }]);
    expect(await dataSource.query('SELECT text FROM anteckning ORDER BY text')).toEqual([
      { text: 'ett' },
      { text: 'två' },
    ]);
  });

  it("plans a generic read once per connection and hands the connection on in PostgreSQL's own plan mode", async () => {
    // One connection, so every statement below meets the one a generic read used.
    const one = await new DataSource(dataSourceOptions(db.url, 1)).initialize();
    try {
      const mode = `SELECT current_setting('plan_cache_mode') AS mode`;
      const generic = `${mode}, n FROM generate_series(1, 3) n WHERE n <= $1`;
      for (const n of [1, 2, 3]) {
        const rows = await preparedRead<{ mode: string }>(one, generic, [n], 'generic');
        expect(rows.map((r) => r.mode)).toEqual(Array(n).fill('force_generic_plan'));
      }
      expect(await one.query(mode)).toEqual([{ mode: 'auto' }]);
      expect(await preparedRead(one, `${mode}, $1::int AS n`, [1])).toEqual([{ mode: 'auto', n: 1 }]);
      await preparedRead(one, generic, [1], 'generic');
      expect(await one.transaction((manager) => manager.query(mode))).toEqual([{ mode: 'auto' }]);
      // Five executions, each on the one plan made without the parameter's value.
      await preparedRead(one, generic, [1], 'generic');
      expect(
        await one.query(
          `SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement = $1`,
          [generic],
        ),
      ).toEqual([{ generic: 5, custom: 0 }]);
    } finally {
      await one.destroy();
    }
  });
});

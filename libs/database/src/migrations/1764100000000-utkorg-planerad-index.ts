import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index of the planned rows serves both their readers: the sweep takes the due ones by the time
 * each is next tried, and the reconciler pages through all of them in (that time, id) order. Every
 * planned reminder was written into two partial indexes before; planning 240,000 saves one each.
 */
export class UtkorgPlaneradIndex1764100000000 implements MigrationInterface {
  name = 'UtkorgPlaneradIndex1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX paminnelse_nasta_idx, paminnelse_planerad_id_idx, epost_utkorg_nasta_idx, epost_utkorg_planerad_id_idx;
      CREATE INDEX paminnelse_planerad_idx ON paminnelse ((COALESCE(nasta_forsok_at, due_at)), id) WHERE status = 'planerad';
      CREATE INDEX epost_utkorg_planerad_idx ON epost_utkorg ((COALESCE(nasta_forsok_at, due_at)), id) WHERE status = 'planerad';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX paminnelse_planerad_idx, epost_utkorg_planerad_idx;
      CREATE INDEX paminnelse_nasta_idx ON paminnelse ((COALESCE(nasta_forsok_at, due_at))) WHERE status = 'planerad';
      CREATE INDEX epost_utkorg_nasta_idx ON epost_utkorg ((COALESCE(nasta_forsok_at, due_at))) WHERE status = 'planerad';
      CREATE INDEX paminnelse_planerad_id_idx ON paminnelse (id) WHERE status = 'planerad';
      CREATE INDEX epost_utkorg_planerad_id_idx ON epost_utkorg (id) WHERE status = 'planerad';
    `);
  }
}

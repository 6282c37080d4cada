import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox sweeps the due rows, oldest first, by the time each is next to be tried (its retry
 * time after a failure, else its due time): index that expression instead of `due_at` alone.
 */
export class UtkorgSvep1764000000000 implements MigrationInterface {
  name = 'UtkorgSvep1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX paminnelse_planerad_idx;
      CREATE INDEX paminnelse_nasta_idx ON paminnelse ((COALESCE(nasta_forsok_at, due_at))) WHERE status = 'planerad';
      CREATE INDEX epost_utkorg_nasta_idx ON epost_utkorg ((COALESCE(nasta_forsok_at, due_at))) WHERE status = 'planerad';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX paminnelse_nasta_idx, epost_utkorg_nasta_idx;
      CREATE INDEX paminnelse_planerad_idx ON paminnelse (due_at) WHERE status = 'planerad';
    `);
  }
}

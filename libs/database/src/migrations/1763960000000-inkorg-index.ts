import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A nämnd's inkorg reads its instanser nearest deadline first, a page at a time: this index gives
 * that order without sorting all of them (remissinstans_mottagare_idx leads with status).
 */
export class InkorgIndex1763960000000 implements MigrationInterface {
  name = 'InkorgIndex1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX remissinstans_inkorg_idx ON remissinstans (mottagare_enhet_id, svarsdatum, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX remissinstans_inkorg_idx`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nämnd's side: a synpunkt may lead into its quotation with words of its own ("I policyn
 * framgår:"), as real answers do; and the answers of one enhet are listed by state for its inkorg.
 */
export class SynpunktCitatinledning1763950000000 implements MigrationInterface {
  name = 'SynpunktCitatinledning1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE synpunkt ADD COLUMN citatinledning text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE synpunkt DROP COLUMN citatinledning`);
  }
}

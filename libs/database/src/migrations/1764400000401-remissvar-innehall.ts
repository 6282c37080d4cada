import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The remissvar's content grows for the editor (#13): the answer's overall position (`stallning`,
 * null while drafting) and an answer to each of the remiss' frågor (`fragesvar`). Synpunkter now keep
 * their ids across saves, updated in place; a reorder moves `ordning` of several rows in one
 * statement, which the unique (remissvar_id, ordning) allows only when checked at the statement's end
 * (DEFERRABLE; a plain unique index checks row by row).
 */
export class RemissvarInnehall1764400000401 implements MigrationInterface {
  name = 'RemissvarInnehall1764400000401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE remissvar_stallning AS ENUM ('tillstyrker', 'tillstyrker_med_andringar', 'avstyrker', 'inga_synpunkter');
      ALTER TABLE remissvar
        ADD COLUMN stallning remissvar_stallning,
        ADD COLUMN fragesvar jsonb NOT NULL DEFAULT '[]';
      ALTER TABLE synpunkt
        DROP CONSTRAINT synpunkt_remissvar_id_ordning_key,
        ADD CONSTRAINT synpunkt_remissvar_id_ordning_key UNIQUE (remissvar_id, ordning) DEFERRABLE INITIALLY IMMEDIATE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE synpunkt
        DROP CONSTRAINT synpunkt_remissvar_id_ordning_key,
        ADD CONSTRAINT synpunkt_remissvar_id_ordning_key UNIQUE (remissvar_id, ordning);
      ALTER TABLE remissvar DROP COLUMN fragesvar, DROP COLUMN stallning;
      DROP TYPE remissvar_stallning;
    `);
  }
}

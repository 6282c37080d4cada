import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reminder's and an external link's organisation is their instans' organisation: one composite
 * foreign key says so, in place of two. Checking the key to `organisation` locked (FOR KEY SHARE)
 * the same organisation row for every row inserted, so concurrent plannings and reminder sweeps of
 * one kommun queued on it: about a quarter of PostgreSQL's time in planning 240,000 reminders.
 */
export class InstansFk1764000000001 implements MigrationInterface {
  name = 'InstansFk1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE remissinstans ADD CONSTRAINT remissinstans_id_organisation_key UNIQUE (id, organisation_id);
      ALTER TABLE paminnelse
        DROP CONSTRAINT paminnelse_organisation_id_fkey,
        DROP CONSTRAINT paminnelse_remissinstans_id_fkey,
        ADD CONSTRAINT paminnelse_remissinstans_fkey FOREIGN KEY (remissinstans_id, organisation_id) REFERENCES remissinstans (id, organisation_id);
      ALTER TABLE extern_atkomst
        DROP CONSTRAINT extern_atkomst_organisation_id_fkey,
        DROP CONSTRAINT extern_atkomst_remissinstans_id_fkey,
        ADD CONSTRAINT extern_atkomst_remissinstans_fkey FOREIGN KEY (remissinstans_id, organisation_id) REFERENCES remissinstans (id, organisation_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE extern_atkomst
        DROP CONSTRAINT extern_atkomst_remissinstans_fkey,
        ADD CONSTRAINT extern_atkomst_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        ADD CONSTRAINT extern_atkomst_remissinstans_id_fkey FOREIGN KEY (remissinstans_id) REFERENCES remissinstans (id);
      ALTER TABLE paminnelse
        DROP CONSTRAINT paminnelse_remissinstans_fkey,
        ADD CONSTRAINT paminnelse_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        ADD CONSTRAINT paminnelse_remissinstans_id_fkey FOREIGN KEY (remissinstans_id) REFERENCES remissinstans (id);
      ALTER TABLE remissinstans DROP CONSTRAINT remissinstans_id_organisation_key;
    `);
  }
}

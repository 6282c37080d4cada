import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender's side of the remiss workflow: planned recipients of a draft, external answers, and
 * the indexes the remisser list, the status view and the overdue filter run on.
 */
export class RemissAvsandare1763900000000 implements MigrationInterface {
  name = 'RemissAvsandare1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- A draft's recipients; the remissinstans rows are created only when the remiss is sent,
      -- so no recipient can ever see a draft.
      ALTER TABLE remiss ADD COLUMN utkast_mottagare jsonb NOT NULL DEFAULT '[]';

      -- An external remissinstans answers with a PDF (or declines with a short text) through its link.
      ALTER TABLE remissinstans ADD COLUMN extern_svar_fil_id uuid REFERENCES fil(id);
      ALTER TABLE remissinstans ADD COLUMN avstar_motivering text;

      CREATE INDEX remiss_org_created_idx ON remiss (organisation_id, created_at DESC);
      -- Overdue instanser (svarsdatum passed, not answered) of a remiss.
      CREATE INDEX remissinstans_oppen_idx ON remissinstans (remiss_id, svarsdatum)
        WHERE status NOT IN ('besvarad', 'avstar');
      CREATE INDEX extern_atkomst_instans_idx ON extern_atkomst (remissinstans_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX extern_atkomst_instans_idx, remissinstans_oppen_idx, remiss_org_created_idx;
      ALTER TABLE remissinstans DROP COLUMN avstar_motivering, DROP COLUMN extern_svar_fil_id;
      ALTER TABLE remiss DROP COLUMN utkast_mottagare;
    `);
  }
}

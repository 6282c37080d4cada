import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Following a sent remiss (#14). An avslutad remiss closes the instanser still working on it:
 * `stangd` ("stängd utan svar"), with the time, so no one mistakes them for late ones. An answer
 * received by e-mail or post is registered by the sender with the date it came in
 * (`svar_inkom_datum`): the diarium's date, which the status page shows beside the state.
 * A remisshandling added after sending is a new row that names what it corrects or supplements
 * (`avser_id`, `slag`): the old one is never rewritten, so a quote in a draft keeps citing the
 * handling and page it cited.
 * The earliest open svarsdatum of a remiss (its list's försenad filter) leaves stängda out, as it
 * leaves out besvarade and avstående.
 */
export class Uppfoljning1764500000200 implements MigrationInterface {
  name = 'Uppfoljning1764500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE remissinstans_status ADD VALUE IF NOT EXISTS 'stangd'`);
    await q.query(`
      ALTER TABLE remissinstans ADD COLUMN stangd_at timestamptz, ADD COLUMN svar_inkom_datum date;
      ALTER TABLE remisshandling
        ADD COLUMN slag text NOT NULL DEFAULT 'ursprunglig' CHECK (slag IN ('ursprunglig', 'komplettering', 'rattelse')),
        ADD COLUMN avser_id uuid REFERENCES remisshandling(id),
        ADD CONSTRAINT remisshandling_rattelse_avser CHECK (slag <> 'rattelse' OR avser_id IS NOT NULL);
      CREATE OR REPLACE FUNCTION remiss_forsening_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO remiss_forsening (remiss_id, organisation_id, forsta_oppna_svarsdatum)
        SELECT r.id, r.organisation_id,
               (SELECT min(i.svarsdatum) FROM remissinstans i WHERE i.remiss_id = r.id AND i.status::text NOT IN ('besvarad', 'avstar', 'stangd'))
          FROM remiss r WHERE r.id IN (SELECT DISTINCT remiss_id FROM nya)
        ON CONFLICT (remiss_id) DO UPDATE SET forsta_oppna_svarsdatum = EXCLUDED.forsta_oppna_svarsdatum;
        RETURN NULL;
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // An enum value cannot be dropped; the column and the function go back.
    await q.query(`
      ALTER TABLE remissinstans DROP COLUMN stangd_at, DROP COLUMN svar_inkom_datum;
      ALTER TABLE remisshandling DROP COLUMN avser_id, DROP COLUMN slag;
      CREATE OR REPLACE FUNCTION remiss_forsening_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO remiss_forsening (remiss_id, organisation_id, forsta_oppna_svarsdatum)
        SELECT r.id, r.organisation_id,
               (SELECT min(i.svarsdatum) FROM remissinstans i WHERE i.remiss_id = r.id AND i.status NOT IN ('besvarad', 'avstar'))
          FROM remiss r WHERE r.id IN (SELECT DISTINCT remiss_id FROM nya)
        ON CONFLICT (remiss_id) DO UPDATE SET forsta_oppna_svarsdatum = EXCLUDED.forsta_oppna_svarsdatum;
        RETURN NULL;
      END $$;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The earliest svarsdatum among a remiss' unanswered instanser, kept by the database itself, so
 * the remisser list can filter on "försenad" through an index instead of visiting every instans.
 * A table of its own (not a column on remiss): the trigger then never locks the remiss row, which
 * the sender's transactions lock before the instanser, so no lock-order cycle can arise.
 */
export class RemissForsening1763900000001 implements MigrationInterface {
  name = 'RemissForsening1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE remiss_forsening (
        remiss_id uuid PRIMARY KEY REFERENCES remiss(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        forsta_oppna_svarsdatum date
      );
      CREATE INDEX remiss_forsening_org_idx ON remiss_forsening (organisation_id, forsta_oppna_svarsdatum);

      CREATE FUNCTION remiss_forsening_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO remiss_forsening (remiss_id, organisation_id, forsta_oppna_svarsdatum)
        SELECT r.id, r.organisation_id,
               (SELECT min(i.svarsdatum) FROM remissinstans i WHERE i.remiss_id = r.id AND i.status NOT IN ('besvarad', 'avstar'))
          FROM remiss r WHERE r.id IN (SELECT DISTINCT remiss_id FROM nya)
        ON CONFLICT (remiss_id) DO UPDATE SET forsta_oppna_svarsdatum = EXCLUDED.forsta_oppna_svarsdatum;
        RETURN NULL;
      END $$;
      CREATE TRIGGER remissinstans_forsening_insert AFTER INSERT ON remissinstans
        REFERENCING NEW TABLE AS nya FOR EACH STATEMENT EXECUTE FUNCTION remiss_forsening_sync();
      CREATE TRIGGER remissinstans_forsening_update AFTER UPDATE ON remissinstans
        REFERENCING NEW TABLE AS nya FOR EACH STATEMENT EXECUTE FUNCTION remiss_forsening_sync();

      INSERT INTO remiss_forsening (remiss_id, organisation_id, forsta_oppna_svarsdatum)
      SELECT r.id, r.organisation_id, (SELECT min(i.svarsdatum) FROM remissinstans i WHERE i.remiss_id = r.id AND i.status NOT IN ('besvarad', 'avstar'))
        FROM remiss r WHERE EXISTS (SELECT 1 FROM remissinstans i WHERE i.remiss_id = r.id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER remissinstans_forsening_update ON remissinstans;
      DROP TRIGGER remissinstans_forsening_insert ON remissinstans;
      DROP FUNCTION remiss_forsening_sync();
      DROP TABLE remiss_forsening;
    `);
  }
}

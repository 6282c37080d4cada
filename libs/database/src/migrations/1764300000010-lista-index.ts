import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index-backed pages for the two big lists, whatever their sort, filter or text search.
 *
 * - The inkorg sorts and searches on the remiss' dnr, ärendemening and send time: copied onto each
 *   remissinstans (set from the remiss when the instans is inserted, which happens when the remiss is
 *   sent), so one index per sort on (mottagare_enhet_id, key, id) hands out a page without joining or
 *   sorting the nämnd's whole inkorg. A remiss is edited only as an utkast, before it has instanser;
 *   should a sent one change anyway, the trigger on remiss carries the change over (it locks instanser
 *   only when a copied value differs, so the lock order instans → remiss of answers is not crossed).
 * - Every sort index INCLUDEs status and svarsdatum, so the status and försenad filters are checked
 *   in the index (index-only scans) while it is walked in page order.
 * - Text search (`q`, ILIKE '%…%') goes through a trigram index (pg_trgm) on the searched columns
 *   joined with spaces, whose first column is the nämnd (organisation for the remisser list; btree_gin
 *   lets a GIN index hold it): the concatenation matching is a necessary condition of the exact
 *   per-column match, which the query checks on the rows the index finds.
 */
export class ListaIndex1764300000010 implements MigrationInterface {
  name = 'ListaIndex1764300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE EXTENSION IF NOT EXISTS btree_gin;

      ALTER TABLE remissinstans
        ADD COLUMN remiss_diarienummer text,
        ADD COLUMN remiss_arendemening text,
        ADD COLUMN remiss_utskickad_at timestamptz;
      UPDATE remissinstans i SET remiss_diarienummer = r.diarienummer, remiss_arendemening = r.arendemening, remiss_utskickad_at = r.utskickad_at
        FROM remiss r WHERE r.id = i.remiss_id;
      ALTER TABLE remissinstans
        ALTER COLUMN remiss_diarienummer SET NOT NULL,
        ALTER COLUMN remiss_arendemening SET NOT NULL,
        ADD COLUMN inkorg_sok text GENERATED ALWAYS AS (remiss_arendemening || ' ' || remiss_diarienummer || ' ' || COALESCE(mottagare_diarienummer, '')) STORED;

      CREATE FUNCTION remissinstans_remiss_kopia() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT r.diarienummer, r.arendemening, r.utskickad_at INTO NEW.remiss_diarienummer, NEW.remiss_arendemening, NEW.remiss_utskickad_at
          FROM remiss r WHERE r.id = NEW.remiss_id;
        RETURN NEW;
      END $$;
      CREATE TRIGGER remissinstans_remiss_kopia BEFORE INSERT OR UPDATE OF remiss_id ON remissinstans
        FOR EACH ROW EXECUTE FUNCTION remissinstans_remiss_kopia();

      CREATE FUNCTION remiss_kopia_till_instanser() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE remissinstans SET remiss_diarienummer = NEW.diarienummer, remiss_arendemening = NEW.arendemening, remiss_utskickad_at = NEW.utskickad_at
         WHERE remiss_id = NEW.id
           AND (remiss_diarienummer, remiss_arendemening, remiss_utskickad_at) IS DISTINCT FROM (NEW.diarienummer, NEW.arendemening, NEW.utskickad_at);
        RETURN NULL;
      END $$;
      CREATE TRIGGER remiss_kopia_till_instanser AFTER UPDATE OF diarienummer, arendemening, utskickad_at ON remiss
        FOR EACH ROW WHEN ((OLD.diarienummer, OLD.arendemening, OLD.utskickad_at) IS DISTINCT FROM (NEW.diarienummer, NEW.arendemening, NEW.utskickad_at))
        EXECUTE FUNCTION remiss_kopia_till_instanser();

      DROP INDEX remissinstans_inkorg_idx;
      CREATE INDEX remissinstans_inkorg_svarsdatum_idx ON remissinstans (mottagare_enhet_id, svarsdatum, id) INCLUDE (status);
      CREATE INDEX remissinstans_inkorg_utskickad_idx ON remissinstans (mottagare_enhet_id, remiss_utskickad_at, id) INCLUDE (status, svarsdatum);
      CREATE INDEX remissinstans_inkorg_arendemening_idx ON remissinstans (mottagare_enhet_id, remiss_arendemening, id) INCLUDE (status, svarsdatum);
      CREATE INDEX remissinstans_inkorg_status_idx ON remissinstans (mottagare_enhet_id, status, id) INCLUDE (svarsdatum);
      CREATE INDEX remissinstans_inkorg_diarienummer_idx ON remissinstans (mottagare_enhet_id, remiss_diarienummer, id) INCLUDE (status, svarsdatum);
      CREATE INDEX remissinstans_inkorg_sok_idx ON remissinstans USING gin (mottagare_enhet_id, inkorg_sok gin_trgm_ops);

      DROP INDEX remiss_org_created_idx;
      CREATE INDEX remiss_lista_svarsdatum_idx ON remiss (organisation_id, svarsdatum, id) INCLUDE (status);
      CREATE INDEX remiss_lista_skapad_idx ON remiss (organisation_id, created_at, id) INCLUDE (status, svarsdatum);
      CREATE INDEX remiss_lista_diarienummer_idx ON remiss (organisation_id, diarienummer, id) INCLUDE (status, svarsdatum);
      CREATE INDEX remiss_lista_arendemening_idx ON remiss (organisation_id, arendemening, id) INCLUDE (status, svarsdatum);
      CREATE INDEX remiss_lista_status_idx ON remiss (organisation_id, status, id) INCLUDE (svarsdatum);
      CREATE INDEX remiss_lista_sok_idx ON remiss USING gin (organisation_id, (arendemening || ' ' || diarienummer) gin_trgm_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX remiss_lista_sok_idx, remiss_lista_status_idx, remiss_lista_arendemening_idx, remiss_lista_diarienummer_idx,
                 remiss_lista_skapad_idx, remiss_lista_svarsdatum_idx;
      CREATE INDEX remiss_org_created_idx ON remiss (organisation_id, created_at DESC);
      DROP INDEX remissinstans_inkorg_sok_idx, remissinstans_inkorg_diarienummer_idx, remissinstans_inkorg_status_idx,
                 remissinstans_inkorg_arendemening_idx, remissinstans_inkorg_utskickad_idx, remissinstans_inkorg_svarsdatum_idx;
      CREATE INDEX remissinstans_inkorg_idx ON remissinstans (mottagare_enhet_id, svarsdatum, id);
      DROP TRIGGER remiss_kopia_till_instanser ON remiss;
      DROP FUNCTION remiss_kopia_till_instanser();
      DROP TRIGGER remissinstans_remiss_kopia ON remissinstans;
      DROP FUNCTION remissinstans_remiss_kopia();
      ALTER TABLE remissinstans DROP COLUMN inkorg_sok, DROP COLUMN remiss_utskickad_at, DROP COLUMN remiss_arendemening, DROP COLUMN remiss_diarienummer;
    `);
  }
}

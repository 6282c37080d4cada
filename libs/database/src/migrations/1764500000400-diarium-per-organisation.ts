import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registrator's diarium (issue #15):
 * - An enhet is set to its diarium (`enhet.diarium_id`): several enheter may share one (a region
 *   numbers every nämnd's ärenden in one series) or each has its own. Each enhet keeps the diarium it
 *   had; `diarium.enhet_id` goes, so the mapping is written in one place.
 * - An ärende belongs to the enhet it was opened for (`arende.enhet_id`, copied from its diarium's
 *   enhet): who holds a role there reads its sekretess handlingar.
 * - An ärende is `oppet` or `avslutat` (when, by whom).
 * - A handling can carry a sekretessmarkering: the OSL paragraph (`sekretess`).
 * - The diarium's search: trigram indexes on what the text filter reads, an index per sort.
 */
export class DiariumPerOrganisation1764500000400 implements MigrationInterface {
  name = 'DiariumPerOrganisation1764500000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE enhet ADD COLUMN diarium_id uuid REFERENCES diarium(id);
      UPDATE enhet e SET diarium_id = d.id
        FROM (SELECT DISTINCT ON (enhet_id) id, enhet_id FROM diarium ORDER BY enhet_id, created_at, id) d
       WHERE d.enhet_id = e.id;
      CREATE INDEX enhet_diarium_idx ON enhet (diarium_id);

      ALTER TABLE arende ADD COLUMN enhet_id uuid REFERENCES enhet(id);
      UPDATE arende a SET enhet_id = d.enhet_id FROM diarium d WHERE d.id = a.diarium_id;
      ALTER TABLE arende ALTER COLUMN enhet_id SET NOT NULL;
      ALTER TABLE diarium DROP COLUMN enhet_id;

      CREATE TYPE arende_status AS ENUM ('oppet', 'avslutat');
      ALTER TABLE arende
        ADD COLUMN status arende_status NOT NULL DEFAULT 'oppet',
        ADD COLUMN avslutat_at timestamptz,
        ADD COLUMN avslutat_av uuid REFERENCES anvandare(id),
        ADD CONSTRAINT arende_avslutat_check CHECK ((status = 'avslutat') = (avslutat_at IS NOT NULL));

      ALTER TABLE handling ADD COLUMN sekretess text
        CHECK (sekretess IS NULL OR length(btrim(sekretess)) BETWEEN 1 AND 100);

      CREATE INDEX arende_sok_idx ON arende USING gin (organisation_id, (diarienummer || ' ' || arendemening) gin_trgm_ops);
      CREATE INDEX handling_motpart_sok_idx ON handling USING gin (organisation_id, motpart gin_trgm_ops);
      CREATE INDEX arende_dnr_idx ON arende (organisation_id, ar, lopnummer, id);
      CREATE INDEX arende_registrerad_idx ON arende (organisation_id, created_at, id);
      CREATE INDEX arende_mening_idx ON arende (organisation_id, arendemening, id);
      CREATE INDEX handling_arende_datum_idx ON handling (arende_id, datum, riktning);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX handling_arende_datum_idx, arende_mening_idx, arende_registrerad_idx, arende_dnr_idx,
        handling_motpart_sok_idx, arende_sok_idx;
      ALTER TABLE handling DROP COLUMN sekretess;
      ALTER TABLE arende DROP CONSTRAINT arende_avslutat_check,
        DROP COLUMN avslutat_av, DROP COLUMN avslutat_at, DROP COLUMN status;
      DROP TYPE arende_status;
      ALTER TABLE diarium ADD COLUMN enhet_id uuid REFERENCES enhet(id);
      UPDATE diarium d SET enhet_id = (SELECT e.id FROM enhet e WHERE e.diarium_id = d.id ORDER BY e.created_at LIMIT 1);
      ALTER TABLE arende DROP COLUMN enhet_id;
      DROP INDEX enhet_diarium_idx;
      ALTER TABLE enhet DROP COLUMN diarium_id;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved sändlistor: a named set of remissinstanser (enheter or external name + e-mail, as a draft's
 * `utkast_mottagare`) that an organisation's remissansvariga reuse across remisser ("Länets
 * kommuner"). Kept as jsonb in the draft's own shape, so using one is a copy into a draft; an enhet
 * removed since is refused by the draft's recipient check, as in a draft. Names are unique per
 * organisation regardless of case, so a list is found by the name people give it.
 */
export class Sandlista1764500000100 implements MigrationInterface {
  name = 'Sandlista1764500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sandlista (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      namn text NOT NULL,
      mottagare jsonb NOT NULL,
      created_by uuid REFERENCES anvandare(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX sandlista_namn ON sandlista (organisation_id, lower(namn))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sandlista`);
  }
}

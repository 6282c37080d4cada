import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sender's ställningstagande per synpunkt (#14): beaktas, beaktas delvis, beaktas inte or noteras,
 * with a motivering. Every change is a new row (version 1, 2, …) and no row is ever changed or removed,
 * so the history the page shows is the table itself; the current one is the highest version. Keyed by
 * the synpunkt's stable id (synpunkter of an expedierat answer are frozen) and carrying the remiss and
 * the sender's organisation, so every read filters by tenant without a join through the answer.
 */
export class Stallningstagande1764500000300 implements MigrationInterface {
  name = 'Stallningstagande1764500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TYPE stallningstagande_beslut AS ENUM ('beaktas', 'beaktas_delvis', 'beaktas_inte', 'noteras');
      CREATE TABLE stallningstagande (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        remiss_id uuid NOT NULL REFERENCES remiss(id),
        synpunkt_id uuid NOT NULL REFERENCES synpunkt(id),
        version int NOT NULL CHECK (version > 0),
        beslut stallningstagande_beslut NOT NULL,
        motivering text NOT NULL DEFAULT '',
        anvandare_id uuid REFERENCES anvandare(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (synpunkt_id, version)
      );
      CREATE INDEX stallningstagande_remiss ON stallningstagande (remiss_id, synpunkt_id, version DESC);
      CREATE TRIGGER stallningstagande_append_only BEFORE UPDATE OR DELETE ON stallningstagande
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE stallningstagande;
      DROP TYPE stallningstagande_beslut;
    `);
  }
}

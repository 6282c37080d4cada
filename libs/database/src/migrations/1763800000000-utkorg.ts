import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox shared by reminders and one-off mails. Both tables carry the same sending columns
 * (status, forsok, senaste_fel, lease_until, nasta_forsok_at, skickad_at, message_id) so one
 * sender and one reconciler serve them; `nasta_forsok_at` holds a retry's backoff without
 * overwriting the time the row was due.
 */
export class Utkorg1763800000000 implements MigrationInterface {
  name = 'Utkorg1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE paminnelse ADD COLUMN nasta_forsok_at timestamptz;
      CREATE INDEX paminnelse_planerad_id_idx ON paminnelse (id) WHERE status = 'planerad';
      CREATE INDEX paminnelse_misslyckad_idx ON paminnelse (organisation_id, updated_at) WHERE status = 'misslyckad';

      CREATE TABLE epost_utkorg (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        till text[] NOT NULL,
        kopia text[] NOT NULL DEFAULT '{}',
        amne text NOT NULL,
        text text NOT NULL,
        html text,
        message_id text NOT NULL,
        due_at timestamptz NOT NULL DEFAULT now(),
        status paminnelse_status NOT NULL DEFAULT 'planerad',
        forsok integer NOT NULL DEFAULT 0,
        senaste_fel text,
        lease_until timestamptz,
        nasta_forsok_at timestamptz,
        skickad_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX epost_utkorg_planerad_id_idx ON epost_utkorg (id) WHERE status = 'planerad';
      CREATE INDEX epost_utkorg_skickar_idx ON epost_utkorg (lease_until) WHERE status = 'skickar';
      CREATE INDEX epost_utkorg_misslyckad_idx ON epost_utkorg (organisation_id, updated_at) WHERE status = 'misslyckad';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE epost_utkorg;
      DROP INDEX paminnelse_misslyckad_idx, paminnelse_planerad_id_idx;
      ALTER TABLE paminnelse DROP COLUMN nasta_forsok_at;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The archive copy of a remiss' sammanställning as durable work (#15): avslut writes this outbox row
 * in its own transaction, with the sammanställning as it stands then (`dokument`, what is printed:
 * ställningstaganden may still change after avslut). A worker prints it and registers it as
 * upprättad; `arkivhandling_id` is set in the same transaction as the registration, so a retry after
 * a crash finds it done rather than archiving it twice, and `dokument` dropped (the arkivhandling
 * holds it now). One row per remiss (UNIQUE).
 */
export class SammanstallningArkivering1764500000900 implements MigrationInterface {
  name = 'SammanstallningArkivering1764500000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sammanstallning_arkivering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        remiss_id uuid NOT NULL UNIQUE REFERENCES remiss(id),
        arende_id uuid NOT NULL REFERENCES arende(id),
        dokument jsonb,
        registrerad_av uuid REFERENCES anvandare(id),
        arkivhandling_id uuid UNIQUE REFERENCES arkivhandling(id),
        message_id text,
        due_at timestamptz NOT NULL DEFAULT now(),
        status paminnelse_status NOT NULL DEFAULT 'planerad',
        forsok integer NOT NULL DEFAULT 0,
        senaste_fel text,
        lease_until timestamptz,
        nasta_forsok_at timestamptz,
        skickad_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sammanstallning_arkivering_dokument CHECK ((dokument IS NULL) = (arkivhandling_id IS NOT NULL))
      );
      CREATE INDEX sammanstallning_arkivering_planerad_idx ON sammanstallning_arkivering ((COALESCE(nasta_forsok_at, due_at)), id) WHERE status = 'planerad';
      CREATE INDEX sammanstallning_arkivering_skickar_idx ON sammanstallning_arkivering (lease_until) WHERE status = 'skickar';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sammanstallning_arkivering`);
  }
}

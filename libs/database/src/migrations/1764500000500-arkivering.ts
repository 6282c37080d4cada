import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The archive (#15). An `arkivhandling` is written in the transaction of the step that made the
 * document final; its PDF/A rendition is made after commit by the outbox kind `arkivering` and
 * written into the same row once: the append-only trigger now lets exactly one UPDATE through,
 * the one that fills the empty PDF/A columns (with a `fil` whose SHA-256 is the one given) and
 * leaves every other column as it was. DELETE, TRUNCATE and every other UPDATE stay refused.
 *
 * `arkivkontroll` is the scheduled re-verification of every archived file, itself an outbox kind:
 * one row planned at a time (a unique partial index), each run planning the next, so the schedule
 * survives a flushed Redis and a killed worker like any reminder. `arkivverifiering` is the
 * append-only record of verifications a registrator asked for and of every mismatch found.
 */
export class Arkivering1764500000500 implements MigrationInterface {
  name = 'Arkivering1764500000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE arkivhandling ADD COLUMN pdfa_sha256 char(64), ADD COLUMN pdfa_at timestamptz,
        ADD CONSTRAINT arkivhandling_pdfa_hel CHECK ((pdfa_fil_id IS NULL) = (pdfa_sha256 IS NULL) AND (pdfa_fil_id IS NULL) = (pdfa_at IS NULL));
      CREATE INDEX arkivhandling_handling_idx ON arkivhandling (handling_id);
      CREATE INDEX arkivhandling_ersatter_idx ON arkivhandling (ersatter_id) WHERE ersatter_id IS NOT NULL;

      CREATE FUNCTION arkivhandling_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.pdfa_fil_id IS NULL AND NEW.pdfa_fil_id IS NOT NULL
           AND NEW.pdfa_sha256 = (SELECT sha256 FROM fil WHERE id = NEW.pdfa_fil_id AND organisation_id = OLD.organisation_id)
           AND (to_jsonb(NEW) - 'pdfa_fil_id' - 'pdfa_sha256' - 'pdfa_at') = (to_jsonb(OLD) - 'pdfa_fil_id' - 'pdfa_sha256' - 'pdfa_at')
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'arkivhandling is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      DROP TRIGGER arkivhandling_append_only ON arkivhandling;
      CREATE TRIGGER arkivhandling_append_only BEFORE UPDATE OR DELETE ON arkivhandling
        FOR EACH ROW EXECUTE FUNCTION arkivhandling_append_only();
      CREATE TRIGGER arkivhandling_no_truncate BEFORE TRUNCATE ON arkivhandling
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE arkivering (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        arkivhandling_id uuid NOT NULL UNIQUE REFERENCES arkivhandling(id),
        due_at timestamptz NOT NULL DEFAULT now(),
        status paminnelse_status NOT NULL DEFAULT 'planerad',
        forsok integer NOT NULL DEFAULT 0,
        senaste_fel text,
        lease_until timestamptz,
        nasta_forsok_at timestamptz,
        skickad_at timestamptz,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX arkivering_planerad_idx ON arkivering ((COALESCE(nasta_forsok_at, due_at)), id) WHERE status = 'planerad';
      CREATE INDEX arkivering_skickar_idx ON arkivering (lease_until) WHERE status = 'skickar';

      CREATE TABLE arkivkontroll (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        due_at timestamptz NOT NULL DEFAULT now(),
        status paminnelse_status NOT NULL DEFAULT 'planerad',
        forsok integer NOT NULL DEFAULT 0,
        senaste_fel text,
        lease_until timestamptz,
        nasta_forsok_at timestamptz,
        skickad_at timestamptz,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX arkivkontroll_en_planerad ON arkivkontroll ((true)) WHERE status IN ('planerad', 'skickar');
      CREATE INDEX arkivkontroll_planerad_idx ON arkivkontroll ((COALESCE(nasta_forsok_at, due_at)), id) WHERE status = 'planerad';

      CREATE TABLE arkivverifiering (
        id bigserial PRIMARY KEY,
        arkivhandling_id uuid NOT NULL REFERENCES arkivhandling(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        original_ok boolean NOT NULL,
        pdfa_ok boolean,
        kontrollerad_av uuid REFERENCES anvandare(id),
        kontrollerad_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX arkivverifiering_handling_idx ON arkivverifiering (arkivhandling_id, kontrollerad_at DESC);
      CREATE TRIGGER arkivverifiering_append_only BEFORE UPDATE OR DELETE ON arkivverifiering
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE arkivverifiering, arkivkontroll, arkivering;
      DROP TRIGGER arkivhandling_no_truncate ON arkivhandling;
      DROP TRIGGER arkivhandling_append_only ON arkivhandling;
      CREATE TRIGGER arkivhandling_append_only BEFORE UPDATE OR DELETE ON arkivhandling
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      DROP FUNCTION arkivhandling_append_only();
      DROP INDEX arkivhandling_handling_idx, arkivhandling_ersatter_idx;
      ALTER TABLE arkivhandling DROP CONSTRAINT arkivhandling_pdfa_hel, DROP COLUMN pdfa_sha256, DROP COLUMN pdfa_at;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding without SQL (#16). The platform operator is a user with `operator` set, of the one
 * organisation marked `plattform` (the platform's own, with no enheter, so it is never a tenant
 * or a recipient); a trigger keeps operators there. An invited user has no password until the
 * invitation's link is used, so `losenord_hash` may be NULL (login then checks the decoy hash).
 * `konto_token` holds the one-time links of invitations and password resets, by their SHA-256.
 */
export class Konton1764500000700 implements MigrationInterface {
  name = 'Konton1764500000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisation
        ADD COLUMN adress text,
        ADD COLUMN plattform boolean NOT NULL DEFAULT false
    `);
    await q.query(`CREATE UNIQUE INDEX organisation_plattform_uq ON organisation (plattform) WHERE plattform`);
    await q.query(`
      ALTER TABLE anvandare
        ALTER COLUMN losenord_hash DROP NOT NULL,
        ADD COLUMN operator boolean NOT NULL DEFAULT false
    `);
    await q.query(`
      CREATE FUNCTION operator_i_plattformen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.operator AND NOT EXISTS (SELECT 1 FROM organisation WHERE id = NEW.organisation_id AND plattform) THEN
          RAISE EXCEPTION 'an operator belongs to the platform organisation' USING ERRCODE = '23514';
        END IF;
        RETURN NEW;
      END $$
    `);
    await q.query(`
      CREATE TRIGGER anvandare_operator BEFORE INSERT OR UPDATE OF operator, organisation_id ON anvandare
        FOR EACH ROW EXECUTE FUNCTION operator_i_plattformen()
    `);
    await q.query(`
      CREATE TABLE konto_token (
        token_hash bytea PRIMARY KEY,
        anvandare_id uuid NOT NULL REFERENCES anvandare(id) ON DELETE CASCADE,
        syfte text NOT NULL CHECK (syfte IN ('inbjudan', 'aterstallning')),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    await q.query(`CREATE INDEX konto_token_anvandare_idx ON konto_token (anvandare_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE konto_token`);
    await q.query(`DROP TRIGGER anvandare_operator ON anvandare`);
    await q.query(`DROP FUNCTION operator_i_plattformen()`);
    await q.query(`ALTER TABLE anvandare DROP COLUMN operator`);
    await q.query(`UPDATE anvandare SET losenord_hash = '!' WHERE losenord_hash IS NULL`);
    await q.query(`ALTER TABLE anvandare ALTER COLUMN losenord_hash SET NOT NULL`);
    await q.query(`DROP INDEX organisation_plattform_uq`);
    await q.query(`ALTER TABLE organisation DROP COLUMN adress, DROP COLUMN plattform`);
  }
}

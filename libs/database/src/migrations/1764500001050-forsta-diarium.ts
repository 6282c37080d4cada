import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding now gives an organisation's first enhet a diarium of its own (#16); one onboarded before
 * had none and could neither register nor send until its admin made one. Each such organisation gets the
 * diarium onboarding makes today: `<enhet>s diarium`, prefix the enhet's kortnamn, `{prefix} {year}/{seq:4}`,
 * for its first enhet. An organisation with any diarium keeps what its admin chose.
 */
export class ForstaDiarium1764500001050 implements MigrationInterface {
  name = 'ForstaDiarium1764500001050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH forsta AS (
        SELECT DISTINCT ON (e.organisation_id) e.id, e.organisation_id, e.namn, e.kortnamn
          FROM enhet e
         WHERE NOT EXISTS (SELECT 1 FROM diarium d WHERE d.organisation_id = e.organisation_id)
         ORDER BY e.organisation_id, e.created_at, e.id
      ), nya AS (
        INSERT INTO diarium (organisation_id, namn, prefix, format)
        SELECT organisation_id, namn || 's diarium', kortnamn, '{prefix} {year}/{seq:4}' FROM forsta
        RETURNING id, organisation_id
      )
      UPDATE enhet e SET diarium_id = nya.id
        FROM nya JOIN forsta f ON f.organisation_id = nya.organisation_id
       WHERE e.id = f.id
    `);
  }

  /** The diarier stay: by now they may number ärenden. */
  async down(): Promise<void> {}
}

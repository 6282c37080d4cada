import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * External remissinstanser answer with the same structured remissvar as a nämnd (its rows in
 * `remissvar`, `synpunkt`, `remissvar_revision`), so the sammanställning and every reader of
 * answers need no second model. What only their form asks: their own dnr (a nämnd's comes from
 * its registrering, on the instans) and who answers (the kvittens goes to that address).
 * An answer uploaded as PDF may bring a Word file; a mail may carry stored files as attachments.
 */
export class ExterntRemissvar1764400000501 implements MigrationInterface {
  name = 'ExterntRemissvar1764400000501';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE remissvar
        ADD COLUMN eget_diarienummer text,
        ADD COLUMN kontaktperson_namn text,
        ADD COLUMN kontaktperson_epost text,
        ADD COLUMN kontaktperson_telefon text;
      ALTER TABLE remissinstans ADD COLUMN extern_word_fil_id uuid REFERENCES fil(id);
      ALTER TABLE epost_utkorg ADD COLUMN bilagor uuid[] NOT NULL DEFAULT '{}';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE epost_utkorg DROP COLUMN bilagor;
      ALTER TABLE remissinstans DROP COLUMN extern_word_fil_id;
      ALTER TABLE remissvar
        DROP COLUMN eget_diarienummer,
        DROP COLUMN kontaktperson_namn,
        DROP COLUMN kontaktperson_epost,
        DROP COLUMN kontaktperson_telefon;
    `);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who a queued mail is from, as its reader sees it: the sender's name in From ("Kommunstyrelsen i
 * Enköpings kommun via Remissplattformen"; the address stays MAIL_FROM's) and the Reply-To, a
 * person who reads mail (the remiss' kontaktperson, the answering enhet) rather than the no-reply address.
 */
export class EpostAvsandare1764400000301 implements MigrationInterface {
  name = 'EpostAvsandare1764400000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE epost_utkorg ADD COLUMN avsandarnamn text, ADD COLUMN svara_till text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE epost_utkorg DROP COLUMN avsandarnamn, DROP COLUMN svara_till`);
  }
}

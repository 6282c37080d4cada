import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A queued mail's Reply-To: a remiss' mails are answered by its kontaktperson (an answer's mail by
 * the answering enhet), not by the platform's no-reply sender address.
 */
export class EpostSvaraTill1764400000301 implements MigrationInterface {
  name = 'EpostSvaraTill1764400000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE epost_utkorg ADD COLUMN svara_till text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE epost_utkorg DROP COLUMN svara_till`);
  }
}

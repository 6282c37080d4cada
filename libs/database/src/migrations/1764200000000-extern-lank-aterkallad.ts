import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the sender revoked an external instans' personal link, and until it issues a new one.
 * Reminders then go out without a link: every reminder mints a fresh one otherwise, which would
 * undo the revocation. It is a column of the instans, not derived from `extern_atkomst`, so that
 * the reminder's insert of a link can lock the instans row and re-check it (see nyaExternLankar).
 */
export class ExternLankAterkallad1764200000000 implements MigrationInterface {
  name = 'ExternLankAterkallad1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE remissinstans ADD COLUMN lank_aterkallad_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE remissinstans DROP COLUMN lank_aterkallad_at`);
  }
}

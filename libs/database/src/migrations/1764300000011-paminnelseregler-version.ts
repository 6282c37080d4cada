import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A number that every save of an organisation's reminder rules raises: planning remembers the rules
 * with the number it read them at, and inserts reminders only while the number is unchanged (before,
 * the rules' JSON text served as the stamp, rebuilt and compared on every send).
 */
export class PaminnelsereglerVersion1764300000011 implements MigrationInterface {
  name = 'PaminnelsereglerVersion1764300000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation ADD COLUMN paminnelseregler_version int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP COLUMN paminnelseregler_version`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a page tells the next one after a POST (post, redirect, get): the notification banner of a
 * done action, or a refused form's field errors with what the user typed, so nothing typed is
 * lost. Read once, by the browser that holds its id in a cookie; a row never read is purged after
 * an hour by the next write. In PostgreSQL rather than a cookie: an editor's text outgrows 4 kB.
 */
export class WebbFlash1764400000000 implements MigrationInterface {
  name = 'WebbFlash1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webb_flash (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webb_flash_created_at ON webb_flash (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webb_flash`);
  }
}
